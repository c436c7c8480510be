## Questions to the cell (/ask, /results, /asks, /close_ask), post-meeting feedback, the monthly self-review

cmd-ask = Ask the cell a question
cmd-results = See the results of a question
cmd-asks = Open and recent questions
cmd-close-ask = Close a question before its deadline

ask-usage =
    How to ask the cell (or type /ask alone to prepare it step by step with buttons):
    /ask Your question | Option 1 | Option 2 due 10/12 20:00
    • Put “anon” right after /ask so that nobody knows who answered what.
    • No options: members answer in words (typed or a voice message).
    • “| 1-5”: a rating from 1 to 5; “| yes | no”: a yes/no question.
    • “for group 1” or “for @name_a @name_b”: ask one party group or some members only.
ask-question-too-long = The question is longer than { $max } characters. Please shorten it and send it again; nothing was saved.
ask-one-option = A choice question needs at least 2 options. Please add options (separated by |) or leave them out for answers in words.
ask-too-many-options = A question can have at most { $max } options. Please remove some and send it again.
ask-duplicate-option = The option “{ $option }” appears twice. Please fix it and send it again.
ask-option-too-long = The option “{ $option }” is longer than { $max } characters. Please shorten it and send it again.
ask-empty-option = One option is empty (two | in a row). Please fix it and send it again.
ask-audience-empty = Please say who is asked after “for”: “for group 1” or “for @name_a @name_b”.
ask-deadline-problem = The deadline is not right:
ask-group-unknown = The cell has no party group “{ $name }”. See the groups with /groups.
ask-anonymous-too-few = An anonymous question must ask at least { $min } members, or anyone could tell who answered what. Please ask more people or drop “anon”.
ask-preview-header = Preview (not sent yet):
ask-preview-audience-cell = Asked: the whole cell ({ $count } members).
ask-preview-audience-group = Asked: { $name } ({ $count } members).
ask-preview-audience-members = Asked: { $count } chosen members.
ask-preview-closes = Deadline: { $when }.
ask-post-button = 📨 Send the question
ask-drop-button = Cancel
ask-dropped = Cancelled; the question was not sent.
ask-posted = Question #{ $ref } sent. See the results with /results { $ref }.
ask-already-posted = Question #{ $ref } has already been sent.
ask-deadline-passed = The deadline passed before the question was sent. Please ask again with a new deadline.
ask-preview-no-deadline = No deadline: the question stays open until you close it with /close_ask { $ref }.

ask-guided-header = A question for { $cell }
ask-guided-step-kind = How would you like to ask?
ask-guided-kind-choice = 🔘 Options to choose
ask-guided-kind-yes-no = 👍 Yes / No
ask-guided-kind-rating = ⭐ Rating 1–5
ask-guided-kind-text = ✍️ Answer in words
ask-guided-step-anonymous = Named or anonymous? (Anonymous: nobody, not even the secretary, knows who answered what; at least 3 members must be asked.)
ask-guided-named = Named
ask-guided-anonymous = Anonymous
ask-guided-step-due = Until when may members answer?
ask-guided-due-1 = 1 day
ask-guided-due-3 = 3 days
ask-guided-due-week = End of the week (Sunday)
ask-guided-due-none = No deadline
ask-guided-due-type = 📅 Type a date
ask-guided-due-at = due { $when }
ask-guided-due-ask = Please type the deadline, for example: 15/12, next friday 8pm, end of month.
ask-guided-due-placeholder = For example: 15/12 20:00
ask-guided-step-audience = Who should be asked?
ask-guided-audience-cell = The whole cell
ask-guided-audience-members = 👤 Some members
ask-guided-members = Please type the names of the members to ask, separated by commas (or their @Telegram names, or their numbers in /members).
ask-guided-members-anonymous = Please type the names of at least { $min } members to ask, separated by commas (or their @Telegram names, or their numbers in /members).
ask-guided-members-placeholder = For example: Nguyen Van An, Tran Thi Binh
ask-guided-members-empty = Please type at least one name.
ask-guided-question = Please type the question.
ask-guided-question-choice =
    Please type the question on the first line, then one option per line (2 to 10 options), for example:
    Which activity should the cell choose this month?
    Visit families of war veterans
    Clean up the streets
ask-guided-question-placeholder = The question
ask-guided-need-options = A question with options needs at least 2 options. Please type it again: the question on the first line, one option per line.
ask-guided-moved-private = I have written to you privately to prepare the question step by step.
ask-guided-open-private-first = Questions are prepared in a private chat. Please press the button below to open a private chat with me, then type /ask again.

prompt-post-header-named = ❓ A question from the cell (#{ $ref })
prompt-post-header-anonymous = ❓ A question from the cell (#{ $ref }) — anonymous: nobody, not even the secretary, knows what you answer
prompt-question-numbered = { $n }. { $text }
prompt-option-line = { $n }) { $text }
prompt-post-deadline = ⏰ Deadline: { $when }
prompt-post-closed = Closed: { $when }.
prompt-post-count = Answered: { $answered }/{ $asked }
prompt-post-answer-privately = Please press the button below to answer in your private chat with the assistant.
prompt-answer-privately-button = ✍️ Answer privately
prompt-write-button = ✍️ Write your answer
prompt-yes = Yes
prompt-no = No
prompt-rating-label = { $value } points

prompt-private-intro-custom = { $cell } asks for your opinion (question #{ $ref }{ $anonymous ->
        [yes] , anonymous
       *[other] {""}
    }):
prompt-private-intro-post-meeting = Feedback on the meeting of { $cell } (anonymous: nobody knows what you answer). Please take a minute for { $count } questions:
prompt-private-intro-self-review = Self-review for { $period } in { $cell }. Please take a few minutes for { $count } questions on how you studied and followed Hồ Chí Minh's ideology, ethics and style and how you carried out your tasks this month. Only the cell secretary can see your answers.
prompt-private-deadline = Deadline: { $when }.
prompt-nudge-intro = A reminder, { $name }: you have not answered question #{ $ref } yet.
prompt-self-review-no-tasks = (You have no open tasks.)
prompt-self-review-tasks-header = Your unfinished tasks ({ $count }):
prompt-self-review-task = • { $title }{ $hasDue ->
        [yes] {" "}— due { $due }
       *[other] {""}
    }
prompt-self-review-task-overdue = • { $title } — ⚠️ overdue{ $hasDue ->
        [yes] {" "}({ $due })
       *[other] {""}
    }

prompt-text-ask = Please type your answer (or send a voice message): { $text }
prompt-text-ask-numbered = Question { $n }: { $text }
    Please type your answer (or send a voice message).
prompt-text-how = Please type your answer (or send a voice message).
prompt-text-placeholder = Your answer
prompt-answer-recorded = Recorded: { $answer }. Thank you!
prompt-answer-changed = Your answer is now: { $answer }.
prompt-text-recorded = Your answer is recorded. Thank you!
prompt-text-changed = This answer replaces your earlier one.
prompt-all-done = You have answered every question. Thank you! Until the deadline you may answer again; the last answer counts.
prompt-words-ask = Would you like to add a few words? Type them or send a voice message; otherwise press “Skip” for the next question.
prompt-words-skip-button = ⏭ Skip
prompt-words-recorded = Your words are recorded.
prompt-reply-use-buttons = This question is answered with the buttons under it, not by a reply. Please press a button to answer.
prompt-reply-anonymous-removed = An anonymous answer is recorded. To keep it anonymous, I removed the reply from the group. Next time you can press “✍️ Write your answer” to answer privately.
prompt-reply-anonymous-kept = An anonymous answer is recorded. Note: everyone in the group can read a reply posted there; please delete it yourself, and next time press “✍️ Write your answer” to answer privately.
prompt-answer-closed = This question is closed; the answer was not recorded. Thank you.
prompt-answer-unknown = This answer is not one of the question's. Please press one of its buttons.
prompt-answer-empty = The answer is empty. Please type it or send a voice message.
prompt-answer-too-long = The answer is longer than { $max } characters. Please shorten it and send it again.
prompt-answer-locked = Your earlier anonymous answer can no longer be changed (the assistant's security key changed); it still counts.
prompt-cell-paused = { $cell } is paused on the assistant (it was removed from the cell's group), so the answer was not recorded.
prompt-not-for-you = This question is not addressed to you.
prompt-ref-usage = Please give the question's number, e.g. /results 12. See the numbers with /asks.
prompt-not-found = The cell has no question number { $ref }. See the questions with /asks.
prompt-closed-notice = Question #{ $ref } is closed: { $answered }/{ $asked } members answered. See the results with /results { $ref }.

close-ask-already = Question #{ $ref } was already closed.
close-ask-done = Question #{ $ref } is closed: { $answered }/{ $asked } members answered. See the results with /results { $ref }.

prompt-results-header = Results of question #{ $ref }{ $anonymous ->
        [yes] {" "}(anonymous)
       *[other] {""}
    } — { $state ->
        [open] open
       *[other] closed
    }: { $answered }/{ $asked } members answered.
prompt-results-too-few = { $count } answers so far. An anonymous question's results are shown only once at least { $min } members have answered, so that nobody can tell who answered what.
prompt-results-question = { $n }. { $text } ({ $count } answers)
prompt-results-count = • { $label }: { $count } ({ $percent }%)
prompt-results-names = {" "}— { $names }
prompt-results-hidden = • { $label }: fewer than 3 (hidden to keep answers secret)
prompt-results-average = Average: { $average }/5
prompt-results-none = (no answers yet)
prompt-results-text = • { $text }
prompt-results-text-named = • { $name }: { $text }
prompt-results-voice = [voice message]
prompt-results-words = Further words:
results-secretary-only = Self-review results are for the cell secretary only.
results-post-summary-button = 📢 Post a summary (no names) to the group
results-summary-posted = The summary is posted in the cell's group.
results-sent-privately = The results were sent to you privately.
results-open-private-first = Results are sent privately only. Please press the button below to open a private chat with the assistant, then type the command again.

asks-empty = The cell has no open or recent questions.
asks-header = Questions of { $cell }:
asks-line = #{ $ref } { $text } — { $answered }/{ $asked } answered, { $state ->
        [open] due { $when }
        [endless] no deadline
       *[other] closed
    }

post-meeting-q-rating = How would you rate the meeting (1 = poor, 5 = very good)?
post-meeting-q-better = What should the next meeting do better?

self-review-q1 = This month, how did you study and follow Hồ Chí Minh's ideology, ethics and style?
self-review-good = Good
self-review-fair = Fair
self-review-try = Needs more effort
self-review-q2 = How did you carry out the tasks assigned to you this month?
self-review-tasks-well = Completed well
self-review-tasks-done = Completed
self-review-tasks-not = Not completed
self-review-q3 = Self-criticism: what do you think you need to correct (typed or a voice message)?
self-review-summary-header = Self-reviews for { $period }: { $answered }/{ $asked } members submitted.
self-review-summary-missing = Not submitted ({ $count }): { $names }
self-review-summary-member = — { $name }:
self-review-summary-answer =   { $n }. { $value }
self-review-summary-with-words = { $choice } — { $words }
