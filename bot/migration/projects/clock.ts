/**
 * The current instant, as a port: the domain never reads the system clock,
 * so tests can stand on either side of a clock change or a due date.
 */
export interface Clock {
  now(): Date;
}
