import { type RetryPolicy, retryDelayMs } from './retry-policy';

interface ReachabilityOptions {
  /** One try at the server: true when it answered as a desk. */
  probe: () => Promise<boolean>;
  retry: RetryPolicy;
  /** Called each time the server stops or starts answering, not on every try. */
  onChange: (reachable: boolean) => void;
}

/**
 * Whether the team server answers, and the retries that find out when it is back. Calls and the
 * change-notice stream report what they saw; while the server is away it is tried again and again
 * with growing pauses, and the first answer ends the retries.
 */
export class Reachability {
  private current = true;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: ReachabilityOptions) {}

  get reachable(): boolean {
    return this.current;
  }

  /** A call or the stream could not reach the server: say so once, and keep trying until it answers. */
  lost(): void {
    if (this.stopped) return;
    this.set(false);
    this.schedule();
  }

  /** The server answered. */
  answered(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.attempt = 0;
    this.set(true);
  }

  /** Something looked wrong without proving the server is away (a stream ended): one try now decides. */
  async check(): Promise<void> {
    const answered = await this.options.probe();
    if (answered) this.answered();
    else this.lost();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(reachable: boolean): void {
    if (this.current === reachable) return;
    this.current = reachable;
    this.options.onChange(reachable);
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      void this.options.probe().then((answered) => {
        this.timer = undefined;
        if (this.stopped) return;
        if (answered) this.answered();
        else this.schedule();
      });
    }, retryDelayMs(this.attempt++, this.options.retry));
    // Retries never keep a closing app (or a finished test) alive.
    this.timer.unref();
  }
}
