// The allowed values of every enumeration-like column of prisma/models.prisma. The columns are plain
// strings (SQLite has no enums and both providers share one model); these lists are the contract,
// and test/db/enums.test.ts fails if a `/// a | b | c` comment in models.prisma disagrees with them.

export const cellKinds = ["neighbourhood", "school", "enterprise", "agency", "front", "other"] as const;
export type CellKind = (typeof cellKinds)[number];

export const membershipRoles = ["secretary", "deputy", "committee", "group_leader", "member"] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export const membershipStatuses = ["official", "probationary", "exempt"] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

export const joinRequestStates = ["pending", "approved", "rejected"] as const;
export type JoinRequestState = (typeof joinRequestStates)[number];

export const scheduleFrequencies = ["monthly"] as const;
export type ScheduleFrequency = (typeof scheduleFrequencies)[number];

export const meetingKinds = ["regular", "thematic", "extraordinary", "field_trip"] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingStates = ["planned", "in_progress", "closed", "cancelled"] as const;
export type MeetingState = (typeof meetingStates)[number];

export const rsvpAnswers = ["attend", "absent", "unsure"] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

/** Rsvp.reason, for absent answers only. */
export const absenceReasons = ["health", "work", "family", "other"] as const;
export type AbsenceReason = (typeof absenceReasons)[number];

export const attendanceStatuses = ["present", "proxy", "absent_excused", "absent_unexcused"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** draft: previewed, not yet given; closed: every assignee finished. */
export const taskStates = ["draft", "open", "closed", "cancelled"] as const;
export type TaskState = (typeof taskStates)[number];

/** Overdue is derived from the due time and the clock, never stored; cancelled: given to someone else. */
export const assignmentStates = ["assigned", "accepted", "done", "declined", "cancelled"] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export const taskReportKinds = ["text", "voice"] as const;
export type TaskReportKind = (typeof taskReportKinds)[number];

export const evaluationGrades = ["good", "done", "not_done"] as const;
export type EvaluationGrade = (typeof evaluationGrades)[number];

export const promptKinds = ["custom", "post_meeting", "self_review", "pre_meeting"] as const;
export type PromptKind = (typeof promptKinds)[number];

export const promptAudiences = ["cell", "group", "members"] as const;
export type PromptAudience = (typeof promptAudiences)[number];

export const promptStates = ["draft", "open", "closed"] as const;
export type PromptState = (typeof promptStates)[number];

export const questionKinds = ["choice", "rating", "yes_no", "text"] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const deliveryStatuses = ["pending", "claimed", "sent", "failed", "dropped", "cancelled"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * Organisation.locale, Member.locale, ChatPreference.locale. Must match the folders of locales/ (locales/<locale>/*.ftl).
 * (ScheduledDelivery.kind and AuditEntry.action are open-ended: their owners define them.)
 */
export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];

/** Every documented enumeration column, as "Model.field", for the consistency test and validators. */
export const enumColumns = {
  "Cell.kind": cellKinds,
  "Membership.role": membershipRoles,
  "Membership.status": membershipStatuses,
  "JoinRequest.state": joinRequestStates,
  "MeetingSchedule.frequency": scheduleFrequencies,
  "Meeting.kind": meetingKinds,
  "Meeting.state": meetingStates,
  "Rsvp.answer": rsvpAnswers,
  "Rsvp.reason": absenceReasons,
  "Attendance.status": attendanceStatuses,
  "Task.state": taskStates,
  "TaskAssignment.state": assignmentStates,
  "TaskReport.kind": taskReportKinds,
  "TaskEvaluation.grade": evaluationGrades,
  "Prompt.kind": promptKinds,
  "Prompt.audience": promptAudiences,
  "Prompt.state": promptStates,
  "Question.kind": questionKinds,
  "ScheduledDelivery.status": deliveryStatuses,
} as const satisfies Record<string, readonly string[]>;

/** Narrows an untrusted string (a database value, callback data) to one of `values`. */
export function isOneOf<const T extends readonly string[]>(values: T, value: unknown): value is T[number] {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}
