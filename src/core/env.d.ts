// The few globals the engine uses that every JavaScript host (browsers, Node) provides but the ES lib omits.
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly href: string;
}
