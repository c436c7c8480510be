## Tasks

cmd-task = Give a task
cmd-tasks = See tasks
cmd-review = Evaluate a finished task
cmd-task-info = See one task in detail
cmd-edit-task = Move a task's due date
cmd-cancel-task = Cancel a task

## Giving a task

task-usage =
    How to give a task: /task <assignees> <what to do> [due <date> [<time>]]
    Assignees: @username, the number in /members (e.g. #3), a party group's name (e.g. “Tổ 1”) or “all”; to write a full name, put the assignees before a colon.
    Examples:
    /task @an Prepare the report on neighbourhood security due next thursday
    /task Nguyễn Văn An, Tổ 1: Collect contributions to the study fund due end of month 17h
    /task #3 Visit the families of war invalids | meeting #2
task-title-empty = Please write what is to be done after the assignees, e.g. /task @an Prepare the security report due 10/12.
task-title-too-long = The task is too long ({ $length } characters). Please shorten it to at most { $max } characters; the assistant does not cut it for you.
task-due-missing = You wrote “due” but no date. Please add one, e.g. “due 10/12”, “due next friday” or “due end of month 17h”.
task-no-assignees = Please say who the task is for, right after /task: @username, the number in /members (e.g. #3), a party group's name or “all”.
task-group-unknown = The cell has no party group “{ $given }”. The cell's groups: { $groups }.
task-group-empty = This party group has no members to give the task to yet. Please add members with /group add first.
task-leader-outside-group = A group leader gives tasks only to the members of their own party group. Not in your group: { $names }.
task-meeting-not-found = No meeting “{ $given }” found in this cell. See the meetings' numbers with /meetings.
task-preview-header = 📌 Please check the task before it is given
task-preview-title = Task: { $title }
task-preview-assignees = For { $count ->
        [one] one member
       *[other] { $count } members
    }: { $names }
task-preview-weekly = 🔁 Every week the assignees will be asked: “Still working on it?”
task-weekly-on-button = 🔁 Ask “still on it?” every week
task-weekly-off-button = 🔕 No weekly question
task-preview-meeting = Decided at meeting #{ $ref }
task-preview-unreachable = ⚠️ { $count ->
        [one] One member has
       *[other] { $count } members have
    } not opened a private chat with the assistant; they will be reminded in the cell's group.
task-preview-ask = Press “Give the task” to send it, or “Cancel” to drop it.
task-preview-confirm-button = ✅ Give the task
task-preview-cancel-button = ✖️ Cancel
task-preview-dropped = Dropped; the task was not given.
task-preview-expired = This preview was left for more than a day and has expired. Please type /task again to give the task.
task-joiner-given = { $name } joined the group and so also receives { $count ->
        [one] its open task
       *[other] its { $count } open tasks
    }: { $tasks }. The details have been sent to them.
task-preview-already = Task #{ $ref } has already been given or dropped.
task-giving = Sending the task…
task-given = Task #{ $ref } given to { $count ->
        [one] one member
       *[other] { $count } members
    }: { $title }
task-unreachable-in-group = Could not write privately to: { $names }. The assistant reminded them in the cell's group, with the “Get private reminders” button.
task-unreachable-nowhere = Could not write privately to: { $names }, and the cell has no group to remind them in. Please tell them yourself.
task-and = and

## Messages to the assignee

task-new = 📌 New task (given by { $assigner }): { $title }
task-due-line = Due: { $due }.
task-due-none-line = No due date.
task-due-none = no due date
task-button-accept = ✅ Accept
task-button-progress = 📝 Report progress
task-button-done = 🏁 Done
task-button-decline = ❌ Cannot do it
task-group-fallback = : { $assigner } gives you task #{ $ref }: { $title }
task-group-fallback-hint = The assistant could not write to you privately. Please press a button below to take the task, and “Get private reminders” so that the assistant can write to you next time.

## The assignee's buttons

task-accepted = Recorded: you accepted task #{ $ref }.
task-accepted-line = ✅ You accepted this task. When it is finished, please press “Done”.
task-already-accepted = You have already accepted task #{ $ref }.
task-already-done = Task #{ $ref } is already recorded as done.
task-already-declined = You said you cannot do task #{ $ref }.
task-changed-meanwhile = Task #{ $ref } has just changed. Please look again with /tasks.
task-press-cancelled = Task #{ $ref } was cancelled; there is nothing more to do.
task-press-reassigned = Task #{ $ref } has been given to someone else.
task-press-declined = You said you cannot do task #{ $ref }. If that changes, please tell the cell secretary.
task-done-on-time = 🏁 Task #{ $ref } recorded as done, on time. Thank you!
task-done-late = 🏁 Task #{ $ref } recorded as done (after the due date). Thank you!
task-decline-ask = Why can you not do the task “{ $title }”? Please choose a button below.
task-reason-health = Health
task-reason-busy = Busy with work
task-reason-away = Away
task-reason-other = Another reason (write it)
task-decline-other-chosen = Please write the reason.
task-decline-other-ask = Please write briefly why you cannot do the task “{ $title }”.
task-decline-other-placeholder = Reason
task-decline-reason-bad = Please write the reason in words, at most { $max } characters.
task-declined = Recorded: you cannot do it ({ $reason }). The cell secretary has been told.
task-progress-ask = Please send your progress on the task “{ $title }”: type a few lines or send a voice message.
task-progress-placeholder = Progress
task-progress-bad = Please send the report as text (at most { $max } characters) or as a voice message.
task-progress-recorded = Progress report recorded and passed on to whoever gave the task. Thank you!
task-progress-recorded-kept = Progress report recorded. Whoever gave the task can read it with /task_info.

## To the assigner and the secretary

task-declined-notice = ❌ { $name } cannot do task #{ $ref } “{ $title }”. Reason: { $reason }.
task-reassign-button = 🔁 Give it to someone else
task-reassign-pick = Who should take task #{ $ref } instead of { $name }?
task-reassign-nobody = There is nobody else to give this task to.
task-reassign-not-declined = { $name } has not declined this task.
task-reassign-already = Task #{ $ref } has already been given to someone else.
task-reassigned = Task given to { $name }.
task-progress-notice = 📝 { $name } reports progress on task #{ $ref } “{ $title }”:
    { $report }
task-progress-notice-voice = 📝 { $name } sent a voice progress report on task #{ $ref } “{ $title }”.
task-report-voice = (voice message)
task-evaluate-ask = 🏁 { $name } has finished task #{ $ref } “{ $title }” ({ $timing }). Please evaluate:
task-timing-on-time = on time
task-timing-late = after the due date
task-grade-button-good = 🌟 Good
task-grade-button-done = ✅ Done
task-grade-button-not-done = ⚠️ Not done
task-grade-good = Good
task-grade-done = Done
task-grade-not-done = Not done
task-evaluated = Evaluation “{ $grade }” recorded for { $name }.
task-comment-ask = Would you like to add a comment for { $name }? Type it, or press “Cancel”.
task-comment-placeholder = Comment
task-comment-bad = Please write the comment in words, at most { $max } characters.
task-comment-recorded = Comment sent to { $name }.
task-refused-oversee = Only the secretary, the deputy, whoever gave the task or the member's group leader can evaluate it.
task-refused-manage = Only the secretary, the deputy or whoever gave the task can change it.
task-refused-see = You do not follow this task. You can see your own tasks with /tasks.

## Feedback to the member

task-feedback-good = 🌟 Dear { $name }, your task “{ $title }” was evaluated GOOD. Thank you for excellent work; the cell appreciates your contribution.
task-feedback-done = ✅ Dear { $name }, your task “{ $title }” was evaluated DONE. Thank you for the time and effort you gave to our common work.
task-feedback-not-done = Dear { $name }, your task “{ $title }” was evaluated NOT DONE. The cell thanks you for trying; if something stood in the way, please talk to the secretary so that next time goes better.
task-feedback-corrected = (The evaluation has been corrected.)
task-feedback-comment = Comment: { $comment }
task-feedback-comment-only = 💬 { $evaluator } adds a comment on the task “{ $title }”: { $comment }
task-evaluator-unknown = The cell secretary

## /review

task-review-usage =
    How to evaluate: /review <task number> [<member>] <good|done|not_done> [comment]
    Example: /review 12 good Complete report, on time
    For a task given to several members, name the member: /review 12 @an done
task-review-not-done = { $name } has not reported this task as done, so it cannot be evaluated yet.
task-review-which = Task #{ $ref } was given to several members. Please say whom you evaluate, e.g. /review { $ref } @name good. Done: { $names }.
task-review-not-assignee = { $name } was not given task #{ $ref }.
task-not-found = No task “{ $ref }” in this cell. See the tasks' numbers with /tasks.
task-not-open = Task #{ $ref } is finished or cancelled and can no longer be changed.

## /tasks, /task_info, /edit_task, /cancel_task

tasks-header-cell = 📋 Tasks of { $cell }
tasks-header-group = 📋 Tasks of the group you lead ({ $cell })
tasks-header-mine = 📋 You have { $count ->
        [one] one task
       *[other] { $count } tasks
    }:
tasks-section-overdue = ⏰ Overdue ({ $count }):
tasks-section-open = 🔸 In progress ({ $count }):
tasks-section-awaiting = 🏁 Done, awaiting evaluation ({ $count }):
tasks-section-done = ✅ Completed this month ({ $count }):
tasks-line = #{ $ref } { $title } — due: { $due } — { $progress }
tasks-footer = Details: /task_info <number>. Move: /edit_task <number> due <date>. Cancel: /cancel_task <number>.
tasks-none-cell = The cell has no tasks in progress. Give one with /task.
tasks-none-mine = You have no open tasks. Thank you!
tasks-my-state = State: { $state }
task-progress-line = { $accepted }/{ $total } accepted, { $done } done{ $declined ->
        [0] {""}
       *[other] , { $declined } cannot do it
    }
task-state-assigned = not accepted yet
task-state-accepted = accepted, in progress
task-state-done = done
task-state-done-on-time = done, on time
task-state-done-late = done, after the due date
task-state-overdue = overdue
task-state-declined = cannot do it
task-state-reassigned = given to someone else
task-info-usage = Please give the task's number, e.g. /task_info 12. See the tasks with /tasks.
task-info-header = 📌 Task #{ $ref }: { $title }
task-info-assigner = Given by: { $name }
task-info-cancelled = ✖️ The task was cancelled.
task-info-assignee = • { $name }: { $state }
task-info-reason = { "  " }Reason: { $reason }
task-info-report = { "  " }Reports ({ $count }), latest: { $report }
task-info-evaluation = { "  " }Evaluation: { $grade }
task-info-comment = { "  " }Comment: { $comment }
edit-task-usage = How to move the due date: /edit_task <task number> due <date> [<time>], e.g. /edit_task 12 due next friday.
edit-task-same = Task #{ $ref } already has this due date.
edit-task-done = Task #{ $ref } is now due { $due }. The assignees have been told.
task-moved-notice = 📌 Task #{ $ref } “{ $title }” is now due { $due }.
cancel-task-usage = How to cancel: /cancel_task <task number>, e.g. /cancel_task 12.
cancel-task-done = Task #{ $ref } cancelled; its reminders are dropped and the assignees have been told.
task-cancelled-notice = 📌 Task #{ $ref } “{ $title }” was cancelled. There is nothing more to do.
me-tasks-header = Open tasks ({ $count }):
me-task-line = • #{ $ref } { $title } — due: { $due }

## Reminders

task-remind-before = A reminder for { $name }: task #{ $ref } “{ $title }” is due { $due }. When it is finished, please press “Done”.
task-weekly-check = Hello { $name }: task #{ $ref } “{ $title }” (no due date) — are you still working on it? Please press a button below: report your progress, “Done”, or “Cannot do it” if something is in the way.
task-remind-morning = A reminder for { $name }: task #{ $ref } “{ $title }” is due today ({ $due }). Please press a button below.
task-remind-overdue = A reminder for { $name }: task #{ $ref } “{ $title }” is overdue (due { $due }). If it is finished, please press “Done”; if something is in the way, report your progress or press “Cannot do it”.
task-escalation = ⏰ Task #{ $ref } “{ $title }” is overdue (due { $due }); { $count ->
        [one] one member has
       *[other] { $count } members have
    } not finished:
task-escalation-line = • { $name }: no progress report
task-escalation-line-report = • { $name }: latest report: { $report }

## Giving a task step by step (/task)

task-guided-who = 📌 Give a task — { $cell }
    Step 1: for whom? Please choose a party group, the whole cell or one member.
task-guided-more-members = (A large cell: to give it to someone not among the buttons, type /task @name <what to do>.)
task-guided-whole-cell = 🏛 The whole cell
task-guided-who-chosen = { $count ->
        [one] One member chosen.
       *[other] { $count } members chosen.
    }
task-guided-title = Step 2: please type what is to be done (one short sentence, e.g. Prepare the report on neighbourhood security).
task-guided-conclusions = Conclusions of meeting #{ $ref }: { $conclusions }
task-guided-title-placeholder = The task
task-guided-due = Step 3: when is it due?
task-guided-due-week = End of this week
task-guided-due-month = End of this month
task-guided-due-none = No due date
task-guided-due-type = ⌨️ Type a date
task-guided-due-ask = Please type the due date, e.g. “10/12”, “next friday” or “end of month 17h”.
task-guided-due-placeholder = Due date
task-from-meeting-offer = Meeting #{ $ref } is closed. Would you like to give tasks from its conclusions?
task-from-meeting-button = 📌 Give tasks from the conclusions
