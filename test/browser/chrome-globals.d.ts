// The few `chrome.*` calls the browser tests make inside the extension's service worker (worker.evaluate).
declare const chrome: {
  tabs: {
    query(q: { active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: {
    local: {
      get(keys?: string | string[]): Promise<Record<string, unknown>>;
      set(v: Record<string, unknown>): Promise<void>;
    };
  };
};
