/** An event an AWS service puts on the default bus itself, e.g. SES's `Email Bounced`. */
export interface ServiceEvent {
  source: `aws.${string}`;
  detailType: string;
  detail: Record<string, unknown>;
  resources?: string[];
}

/**
 * How the local AWS services (SES) reach EventBridge's default bus: PutEvents refuses an `aws.`
 * source to any caller, as AWS does, so they put their events here. Events put before the
 * local EventBridge is up wait for it.
 */
export class ServiceEvents {
  #deliver: ((event: ServiceEvent) => void) | undefined;
  readonly #waiting: ServiceEvent[] = [];

  put(event: ServiceEvent) {
    if (this.#deliver) this.#deliver(event);
    else this.#waiting.push(event);
  }

  /** The local EventBridge takes every event from now on, and those that waited. */
  connect(deliver: (event: ServiceEvent) => void) {
    this.#deliver = deliver;
    for (const event of this.#waiting.splice(0)) deliver(event);
  }
}
