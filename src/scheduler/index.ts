export { createScheduler, type Scheduler, type SchedulerOptions, type TickResult } from "./scheduler.ts";
export {
  createRateLimiter,
  isGroupChatId,
  TELEGRAM_LIMITS,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimits,
  type Release,
  type Sleep,
} from "./rate-limiter.ts";
export {
  backoffDelay,
  createSender,
  DEFAULT_RETRY_POLICY,
  type Delivery,
  type DocumentDelivery,
  type EditTextDelivery,
  type PhotoDelivery,
  type RetryPolicy,
  type Sender,
  type SendOutcome,
  type TextDelivery,
} from "./sender.ts";
export {
  classifyTelegramError,
  errorForLog,
  redactToken,
  type TelegramErrorClass,
} from "./telegram-errors.ts";
export {
  PermanentJobError,
  singleMessageJob,
  type Job,
  type JobMessage,
  type JobPlan,
  type SchedulerWaker,
  type SentMessage,
  type SingleMessage,
} from "./jobs.ts";
export { createTextJob, type TextJobOptions, type TextPayload, type Translate } from "./text-renderer.ts";
export type { Outbox, OutboxRow } from "./types.ts";
