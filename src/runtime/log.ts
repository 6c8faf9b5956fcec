/** Where the runtime modules report what they opened, rebuilt or loaded. */
export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
}
