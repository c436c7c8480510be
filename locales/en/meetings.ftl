## Meeting reminders

meeting-reminder-today = { $part ->
        [morning] this morning
        [noon] at noon today
        [afternoon] this afternoon
       *[evening] this evening
    }
meeting-reminder-tomorrow = { $part ->
        [morning] tomorrow morning
        [noon] tomorrow at noon
        [afternoon] tomorrow afternoon
       *[evening] tomorrow evening
    }
meeting-reminder-when-near = at { $time } { $relative } ({ $date })
meeting-reminder-when-far = at { $time } on { $date }
meeting-reminder-where = at { $place }
meeting-reminder-where-online = online: { $link }
meeting-reminder-group =
    🔔 A reminder, comrades: { $cell } meets { $when }{ $where }.
    Answers so far: { $attend } attending · { $absent } absent · { $noAnswer } no answer{ $unsure ->
        [0] {""}
       *[other] {" "}({ $unsure } not sure)
    }.
    To get reminders in a private chat, press the button below.
meeting-reminder-private = A reminder for comrade { $name }: { $cell } meets { $when }{ $where }.
meeting-reminder-status-none = You have not confirmed yet — please press one of the buttons below.
meeting-reminder-status-attend = You have confirmed that you will attend. See you there!
meeting-reminder-status-absent = You said you will be absent; if that changes, please press a button below.
meeting-reminder-status-unsure = You are not sure yet — once you know, please press a button below.
meeting-moved-private = 🔁 { $cell }: { $title } is moved to { $when } (previously: { $from }).
meeting-moved-private-ask = Please confirm whether you will attend at the new time with a button below.
meeting-before-move-line = Before the move you answered: { $answer }. Please confirm again for the new time with a button below.
meeting-before-move-attend = attending
meeting-before-move-absent = absent
meeting-before-move-unsure = not sure
meeting-before-move-with-reason = { $answer } ({ $reason })
meeting-before-move-reason-health = health
meeting-before-move-reason-work = work
meeting-before-move-reason-family = family matters
meeting-before-move-reason-other = another reason
meeting-reminder-btn-attend = ✅ Attend
meeting-reminder-btn-absent = ❌ Absent
meeting-reminder-btn-unsure = ❔ Not sure
meeting-reminder-agenda-owner = A reminder for comrade { $name }: you are responsible for the part «{ $item }» of the meeting { $when }. Please get it ready.
meeting-reminder-agenda-check = Dear comrade { $name }: the meeting { $when } still has { $count }/{ $total } agenda parts not ready:
meeting-reminder-agenda-line = • { $item } — comrade { $owner }
meeting-reminder-agenda-line-unowned = • { $item } — nobody responsible yet

## Check-in, closing a meeting, absence reasons (/checkin, /close_meeting, /attendance)

attendance-meeting-label = { $title } #{ $id } ({ $when })
checkin-button = ✋ Present
checkin-post =
    📋 Attendance for { $meeting }
    Comrades who are here, please press “✋ Present” below (once each).
    Checked in: { $count }/{ $expected } expected members (checked in by someone else: { $proxy }).
checkin-meeting-not-open = The meeting { $meeting } has ended or was cancelled; attendance can no longer be taken.
checkin-too-early = The meeting { $meeting } has not started yet. Attendance opens at most 12 hours before the meeting.
checkin-opened-elsewhere = Attendance for { $meeting } is open in the cell's group.
checkin-not-member = The attendance button is only for members of this cell.
checkin-not-open-button = Attendance for this meeting is no longer open.
checkin-recorded = You are checked in as present. Thank you!
checkin-already = You are already checked in.
checkin-proxy-not-your-group = You can only check in members of the party group you lead; { $name } is not in your group.
checkin-proxy-not-open = Attendance for { $meeting } is not open yet. Please send /checkin first.
checkin-proxy-already = { $name } is already checked in.
checkin-proxy-done = { $name } is checked in (by you). { $count } members are present now.
close-conclusions-too-long = The conclusions are { $given } characters long, more than the limit of { $max }. Please shorten them and send the command again; the meeting has not been closed.
close-already = The meeting { $meeting } was already closed.
close-cancelled = The meeting { $meeting } was cancelled and cannot be closed.
close-not-started = The meeting { $meeting } has not taken place yet, so it cannot be closed.
close-result =
    ✅ { $meeting } is closed and its register frozen.
    • Present: { $present } (checked in by someone else: { $proxy })
    • Absent with a reason: { $excused }
    • Absent without a reason: { $unexcused }
    • Expected: { $expected } — attendance { $rate }%
close-result-conclusions = 📝 Conclusions: { $conclusions }
close-result-reasons = I will ask { $asked } members absent without a reason privately why; { $unreached } cannot be reached privately (they have not opened a chat with me). Absent members have { $hours } hours to give a reason.
close-result-thanks = Thank you all for taking part.
close-confirm-no-checkin =
    Check-in was never opened for { $meeting } (/checkin). If the register is frozen now:
    • Present: { $present } (checked in by someone else: { $proxy })
    • Absent with a reason: { $excused }
    • Absent without a reason: { $unexcused }
    • Expected: { $expected } — attendance { $rate }%
    Do you really want to freeze the register? If not, open check-in with /checkin first.
close-confirm-many-absent =
    If the register is frozen now, half the expected members of { $meeting } or more will be absent:
    • Present: { $present } (checked in by someone else: { $proxy })
    • Absent with a reason: { $excused }
    • Absent without a reason: { $unexcused }
    • Expected: { $expected } — attendance { $rate }%
    Do you really want to freeze the register?
close-confirm-button = ✅ Freeze the register
close-cancel-button = Not now
close-confirm-dropped = The register of { $meeting } is not frozen. You can go on with check-in and send /close_meeting again.
close-confirm-accepted = Freezing the register of { $meeting }…
close-done-secretary = The register of { $meeting } is closed. Absent without a reason: { $unexcused }. I will ask { $asked } of them privately for a reason; { $unreached } could not be reached privately (they have not opened a chat with me).
absence-reason-ask =
    Dear comrade, the register of { $meeting } shows you as absent without a reason.
    Please tell us why before { $deadline } by pressing one of the buttons below.
absence-reason-health = 🏥 Health
absence-reason-work = 💼 Work
absence-reason-family = 👪 Family
absence-reason-other = ✏️ Other reason
absence-reason-other-ask = Please type the reason for your absence and send it (at most 500 characters).
absence-reason-other-placeholder = Reason for absence
absence-reason-thanks = Thank you, your reason for the absence is recorded.
absence-reason-already = Your reason for this absence was already recorded.
absence-reason-bad-text = The reason must not be empty nor longer than { $max } characters. Please send the reason again.
absence-alert = 🔔 { $name } ({ $cell }) has been absent without a reason { $count ->
        [one] once
       *[other] { $count } times
    } in { $year }. Please talk with them about it.
attendance-edit-usage = Usage: /attendance #<meeting number> <member> present|proxy|excused|unexcused (or in Vietnamese: có mặt, thay mặt, vắng có lý do, vắng không lý do) — for example: /attendance #12 #3 excused
attendance-edit-not-closed = The meeting { $meeting } is not closed yet; the register can be corrected only after /close_meeting.
attendance-edit-done = Register of { $meeting } corrected: { $name } — { $status }.
attendance-status-present = present
attendance-status-proxy = present (checked in by someone else)
attendance-status-absent-excused = absent with a reason
attendance-status-absent-unexcused = absent without a reason

## Meetings: create, announce, RSVP, list, cancel, move (/meeting, /meetings, /cancel_meeting, /move_meeting)

meeting-kind-regular = Regular meeting
meeting-kind-thematic = Thematic meeting
meeting-kind-extraordinary = Extraordinary meeting
meeting-kind-field-trip = Field trip
meeting-default-title-regular = regular meeting for { $month }
meeting-default-title-thematic = thematic meeting for { $month }
meeting-default-title-extraordinary = extraordinary meeting for { $month }
meeting-default-title-field-trip = field trip for { $month }
meeting-state-planned = upcoming
meeting-state-in-progress = in progress, register not closed yet
meeting-state-closed = closed
meeting-state-cancelled = cancelled
meeting-announcement-header = 📢 { $cell } — { $title } (#{ $ref })
meeting-announcement-when = 🕢 { $when }
meeting-announcement-place = 📍 { $place }
meeting-announcement-no-place = 📍 The place will be announced later.
meeting-announcement-call = Comrades, please confirm your attendance with the buttons below.
meeting-announcement-cancelled-banner = 🚫 MEETING CANCELLED
meeting-announcement-moved-note = 🔁 Rescheduled (previously: { $from }).
meeting-counts = Confirmed: { $attend } attending · { $absent } absent · { $noAnswer } not answered
meeting-counts-unsure = {" "}({ $unsure } not sure)
meeting-rsvp-attend-button = ✅ Attend
meeting-rsvp-absent-button = ❌ Absent
meeting-rsvp-unsure-button = ❔ Not sure
meeting-rsvp-recorded-attend = Recorded: you will attend. Thank you!
meeting-rsvp-recorded-absent = Recorded: you will be absent.
meeting-rsvp-recorded-unsure = Recorded: you are not sure yet. Please press again when you know.
meeting-rsvp-absent-asked-private = Recorded as absent. The assistant has written to you privately to ask for the reason.
meeting-rsvp-absent-ask-here = Recorded as absent. Please choose the reason in the message just below.
meeting-rsvp-not-member = This button is only for members of { $cell }. Your answer was not recorded.
meeting-rsvp-cancelled = This meeting has been cancelled; no need to answer.
meeting-rsvp-closed = This meeting is over; answers are no longer taken.
meeting-reason-health = 🏥 Health
meeting-reason-work = 💼 Work
meeting-reason-family = 👪 Family
meeting-reason-other = ✏️ Other reason
meeting-reason-ask-private = You said you will be absent from meeting #{ $ref }. Please tell us the reason with one of the buttons below.
meeting-reason-ask-group = Whoever just reported being absent from meeting #{ $ref }, please choose the reason below (only the cell secretary sees reasons).
meeting-reason-recorded = Reason for absence recorded: { $reason }. Thank you.
meeting-reason-other-in-group = Reason recorded: { $reason }. To write the reason out, press “🔔 Private reminders” and report your absence again privately.
meeting-reason-not-absent = You have not reported being absent from this meeting, so no reason is needed.
meeting-reason-other-ask = Please type the reason for your absence from meeting #{ $ref } and send it (at most 500 characters).
meeting-reason-other-placeholder = Reason for absence
meeting-reason-text-bad = The reason must not be empty and must be at most { $max } characters. Please send the reason again.
meeting-reason-text-recorded = Reason for absence recorded: “{ $reason }”. Thank you.
meeting-place-too-long = The place is { $length } characters long, over the limit of { $max }. Please shorten it; the meeting was not created.
meeting-title-too-long = The title is { $length } characters long, over the limit of { $max }. Please shorten it; the meeting was not created.
meeting-created-private = Meeting #{ $ref } created and announced in the group of { $cell }.
meeting-created-no-group = Meeting #{ $ref } of { $cell } created, but the cell has no group yet, so it was not announced.
meeting-already-cancelled = Meeting #{ $ref } was already cancelled.
meeting-already-closed = Meeting #{ $ref } is closed and can no longer be changed.
meeting-changed-meanwhile = Meeting #{ $ref } was just changed by someone else. Please check /meetings.
meeting-ref-bad-ref = “{ $given }” is not a meeting number. Use the number shown in /meetings, e.g. #12.
meeting-ref-not-found = The cell has no meeting number { $given }. See the numbers with /meetings.
meeting-ref-none-upcoming = The cell has no upcoming meeting. The secretary can create one with /meeting.
meeting-guided-header = 🗓 New meeting — { $cell }
meeting-guided-kind-line = Kind: { $kind }
meeting-guided-date-line = Date: { $date }
meeting-guided-when-line = 🕢 { $when }
meeting-guided-ask-kind = Please choose the kind of meeting:
meeting-guided-ask-date = Please choose the date:
meeting-guided-ask-time = Please choose the time:
meeting-guided-ask-place = Please choose the place:
meeting-guided-ask-confirm = Please check, then press “Create and announce”.
meeting-guided-type-date-button = ✏️ Type another date
meeting-guided-type-time-button = ✏️ Type another time
meeting-guided-type-place-button = ✏️ Type the place
meeting-guided-no-place-button = Place to be announced
meeting-guided-confirm-button = ✅ Create and announce
meeting-guided-cancel-button = ✖️ Stop
meeting-guided-type-date = Please type the date and send it, e.g. 05/12 or next friday.
meeting-guided-type-date-placeholder = Date, e.g. 05/12
meeting-guided-type-time = Please type the time and send it, e.g. 19:30 or 7 pm.
meeting-guided-type-time-placeholder = Time, e.g. 19:30
meeting-guided-type-place = Please type the place and send it (at most 200 characters).
meeting-guided-type-place-placeholder = Place of the meeting
meeting-guided-abandoned = Meeting creation stopped.
meeting-guided-creating = Creating the meeting…
meeting-guided-created = ✅ Meeting #{ $ref } created and announced in the group of { $cell }.
meeting-guided-already-created = This meeting has already been created (#{ $ref }).
meeting-preview-ask = Please check it: press “Announce” to post it in the group, “Edit” to type it again, or “Stop”.
meeting-preview-announce-button = 📢 Announce
meeting-preview-edit-button = ✏️ Edit
meeting-preview-editing = Editing the meeting…
meeting-preview-retype = Please type the meeting again and send it: date and time | place | title (the title may be left out), for example: 12/12 19:30 | Neighbourhood 2 hall.
meeting-preview-retype-placeholder = 12/12 19:30 | Hall
meetings-none = { $cell } has no upcoming meetings and none in the last 60 days. The secretary can create one with /meeting.
meetings-header = 📅 Meetings of { $cell } (upcoming and last 60 days):
meetings-line = #{ $ref } · { $when } · { $title } · { $state }{ $tally }
meetings-line-rsvps = {" "}· { $attend } attending / { $absent } absent / { $noAnswer } not answered
meetings-line-attendance = {" "}· present { $present }/{ $expected }
cancel-meeting-usage = Usage: /cancel_meeting #<meeting number>, e.g. /cancel_meeting #12. See the numbers with /meetings.
cancel-meeting-done = Meeting #{ $ref } cancelled and the cell's group told.
meeting-cancelled-group = 🚫 Notice: meeting #{ $ref } ({ $title }) planned for { $was } has been cancelled. Its reminders have been cancelled too.
move-meeting-usage = Usage: /move_meeting #<meeting number> <date> <time>, e.g. /move_meeting #12 11/12 19:30.
move-meeting-same-time = Meeting #{ $ref } is already at that time.
move-meeting-done = Meeting #{ $ref } moved and the cell's group told.
meeting-moved-group = 🔁 Notice: meeting #{ $ref } ({ $title }) is moved from { $was } to { $when }. Please arrange to attend.

## Recurring meetings, meeting agenda, pre-meeting opinions (/meeting_schedule, /agenda, /opinions)

schedule-usage =
    To keep a regular meeting every month:
    /meeting_schedule monthly <day> <time> | <place>
    Example: /meeting_schedule monthly 4 19:30 | Neighbourhood 1 hall
    The day is 1 to 28, or “last” for the last day of the month.
    /meeting_schedule ahead 7 — announce 7 days before (the default)
    /meeting_schedule off — stop the regular meetings
schedule-bad-day = “{ $given }” is not a valid meeting day. Please give a day from 1 to 28, or “last” (not every month has a 29th, 30th or 31st).
schedule-place-too-long = The place is too long ({ $length } characters). Please keep it to { $max } characters.
schedule-bad-ahead = “{ $given }” is not valid. Please give the number of days to announce ahead, from 1 to { $max }, e.g. /meeting_schedule ahead 7
schedule-set = ✅ Regular monthly meetings are set for { $cell }.
schedule-current = 🗓 Regular meetings of { $cell }:
schedule-details =
    • { $day ->
        [last] The last day
       *[other] Day { $day }
    } of every month at { $time }{ $hasPlace ->
        [yes] , at { $place }
       *[no] {""}
    }
    • Next meeting: { $next }
    • { $announced ->
        [yes] Already announced in the group (meeting #{ $ref }).
        [now] The assistant will announce it in the group right away.
       *[no] The assistant will announce it in the group on { $announce } ({ $days } days before).
    }
schedule-month-has-meeting = • This month already has meeting #{ $ref } ({ $when }), so the regular schedule starts next month.
schedule-none = The cell has no regular meeting schedule.
schedule-off = Regular meetings of { $cell } are stopped. Meetings already announced stay; the secretary can cancel them with /cancel_meeting.
schedule-ahead-set = ✅ From now on regular meetings are announced { $days } days before.
agenda-usage =
    To give a member a part of a meeting to prepare:
    /agenda #<meeting number> <member> <item>
    Example: /agenda #12 @hai Report on neighbourhood security
    Name the member by @username or their number in /members, or reply to their message. To see the agenda: /agenda #12
agenda-item-too-long = The item is too long. Please keep it to { $max } characters.
agenda-meeting-not-open = Meeting #{ $ref } has started, ended or been cancelled, so no more items can be added.
agenda-assigned =
    📋 Dear comrade { $name }: comrade { $assigner } asks you to prepare a part of meeting #{ $ref } of { $cell } ({ $when }):
    “{ $item }”
    When it is ready, please press “✅ Ready” below.
agenda-ready-button = ✅ Ready
agenda-added = ✅ Comrade { $name } will prepare “{ $item }” for meeting #{ $ref }; the assistant has told them privately.
agenda-added-unreachable =
    ✅ Comrade { $name } will prepare “{ $item }” for meeting #{ $ref }.
    ⚠️ The assistant could not write to comrade { $name } privately because they have not opened a chat with it. Please ask them to press the button below (or open { $link }) and then “Start”.
agenda-ready-done = Noted: your part is ready. Thank you!
agenda-ready-already = This part is already marked ready.
agenda-ready-marked = ✅ You have marked this part ready.
agenda-ready-meeting-over = This meeting has ended or been cancelled.
agenda-list-header = 📋 Agenda of meeting #{ $ref } ({ $when }):
agenda-list-empty = Nothing has been assigned yet. The secretary assigns parts with: /agenda #{ $ref } @name <item>
agenda-list-line = { $index }. { $item } — comrade { $name } — { $ready ->
        [yes] ✅ ready
       *[no] ⏳ not ready yet
    }
agenda-no-owner = (nobody in charge)
agenda-list-summary = Ready: { $ready } of { $total } parts.
opinions-button = 💬 Send points before the meeting
opinions-ask =
    💬 Points for meeting #{ $ref } ({ $when })
    If there is anything you want raised at the meeting, please send it here (text or a voice note). Only the cell secretary sees your points.
opinions-placeholder = Your points…
opinions-question-text = Points to raise at the meeting
opinions-empty = Please write your points, or send a voice note.
opinions-too-long = Each point may be at most { $max } characters. Please split it into shorter messages.
opinions-thanks = ✅ Your points for meeting #{ $ref } are recorded; only the cell secretary sees them. To add more, just send them; when you are done, press “Cancel” on the question above.
opinions-not-member = You are not a member of the cell holding this meeting, so you cannot send points for it.
opinions-closed = Meeting #{ $ref } has started, ended or been cancelled, so points before it are no longer taken.
opinions-list-header = 🗒 Points before meeting #{ $ref } ({ $when }): { $count }
opinions-list-empty = No member has sent any points yet.
opinions-list-line = { $index }. Comrade { $name } ({ $when }): { $text }
opinions-someone = (a member who left the cell)
opinions-voice = 🎤 voice note
opinions-sent-privately = The assistant has sent you the list of points privately (it is not posted in the group).
opinions-open-private-first = Members' points are not posted in the group, and the assistant cannot write to you privately yet: please press the button below, press “Start”, then send /opinions again.
meeting-already-exists = The cell already has meeting #{ $ref } at exactly that time; no second one was created. See /meetings.

## Command descriptions

cmd-meetings = The cell's meetings
cmd-agenda = A meeting's agenda and who prepares it
cmd-meeting = Announce a meeting
cmd-move-meeting = Move a meeting
cmd-cancel-meeting = Cancel a meeting
cmd-meeting-schedule = The regular monthly meeting
cmd-opinions = Points members sent before the meeting
cmd-checkin = Meeting check-in
cmd-close-meeting = Close the meeting: attendance and conclusions
cmd-attendance = Correct attendance after the meeting

## Setup: organisation, cells, committee chat

cell-paused-answer = { $cell } is paused in the assistant (it was removed from the cell's group), so your answer was not recorded. Everything resumes once the assistant is added back to the group.

## /me: the next meeting

me-meeting-next = 📅 Next meeting of { $cell }: { $when }{ $hasPlace ->
        [yes] , at { $place }
       *[no] {""}
    }
me-meeting-none = 📅 The cell has no meeting coming up.
me-meeting-answer-none = You have not said whether you will attend — please tap a button in the reminder or in the group's announcement.
me-meeting-answer-attend = Your answer: attending.
me-meeting-answer-absent = Your answer: absent{ $hasReason ->
        [yes] {" "}({ $reason })
       *[no] {""}
    }.
me-meeting-answer-unsure = Your answer: not sure yet.
me-meeting-answer-before-move = Before the meeting was moved you answered: { $answer }. Please confirm again for the new time.
