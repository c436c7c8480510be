## General

error-generic = Sorry, comrade, something went wrong while handling this request. Please try again in a few minutes.
unknown-command = I don't know the command { $command }. Type /help to see the commands you can use.
unknown-text-private = I understand commands and buttons. Type /help for guidance.
refused-admin-only = This command is only for committee admins. You can see your own details with /me.
refused-private-only = This command only works in a private chat with the assistant. Tap the assistant's name and choose “Start”.
button-not-for-you = This button is not meant for you.
button-expired = This button is no longer valid.
typed-answer-cancel-button = ✖️ Cancel
typed-answer-cancelled = Cancelled: you don't need to answer this question any more.
typed-answer-not-yours = This question is waiting for another comrade's answer; your message was not recorded.
typed-answer-text-only = This question needs a written answer. Please type it and send it.

## Roles and statuses

role-secretary = Secretary
role-deputy = Deputy secretary
role-committee = Cell committee member
role-group_leader = Party group leader
role-member = Member
role-admin = Committee admin
status-official = full
status-probationary = probationary
status-exempt = exempt from meetings

## Cells and permissions

organisation-default-name = Ward party committee
cell-not-registered = This group is not registered as a party cell yet. A committee admin can register it by typing /register_cell <cell name> here.
cell-pick = You are responsible for several cells. Please choose the cell for this command:
cell-picked = { $cell } chosen.
cell-choose-in-group =
    You are responsible for several cells:
    { $cells }
    Please use this command in the group of the cell you mean.
refused-secretary-only = This command is only for the cell secretary or deputy secretary. You can see your own tasks with /me.
refused-group-leader-only = This command is only for party group leaders and the cell secretary or deputy.
refused-members-only = This command is only for members of this cell. If you would like to join, please contact the cell secretary.

## Names (cells, organisation, members)

name-too-long = The name is too long. Please use at most 100 characters.
name-no-letters = A name needs letters. Please write it out, for example: Neighbourhood 1 Cell.

## Dates and times

datetime-problem-empty =
    No date or time was given. Please write the day before the month, for example “05/12 19:30”, “next friday 19:30” or “thứ 6 tuần sau 19h30”.
datetime-problem-unrecognised =
    I could not read “{ $given }” as a date or time. Please write the day before the month, for example “05/12 19:30”, “5/12/2026 7:30 pm”, “next friday 19:30”, “tomorrow 7pm” or “thứ 6 tuần sau 19h30”.
datetime-problem-impossible_date =
    There is no such day as “{ $given }” on the calendar (November has only 30 days, for instance, and weekdays run from thứ 2 to thứ 7 plus chủ nhật). Please check it, for example “05/12 19:30” or “next friday 19:30”.
datetime-problem-impossible_time =
    The time in “{ $given }” is not valid: hours go from 0 to 23, minutes from 0 to 59, and the part of the day must fit the hour (there is no “3 pm in the morning”). Please write it again, for example “19:30”, “19h30” or “7 pm”.
datetime-problem-ambiguous =
    “{ $given }” can be read more than one way, so I would rather not guess. Please be more precise: an hour with am/pm or on the 24-hour clock (“7 am”, “19:00”), a full date (“05/12”), or “next friday” instead of “friday” when today is a Friday.
datetime-problem-past =
    “{ $given }” is already in the past. Please choose a date and time still to come, for example “05/12 19:30” or “next friday 19:30”; if you mean next year, write the year, for example “05/01/2027”.
datetime-problem-missing_time =
    Only a day was given; the time is missing. Please write both, for example “05/12 19:30”, “next friday 19:30” or “tomorrow 7pm”.

# What an ambiguous date or time leaves open (issue 9: say it instead of a generic text).
datetime-ambiguous-hour = “{ $given }”: did you mean { $first } or { $second }?
datetime-hour-morning = { $time } in the morning
datetime-hour-afternoon = { $time } in the afternoon
datetime-hour-evening = { $time } in the evening
datetime-ambiguous-midnight =
    “{ $given }”: is midnight the start or the end of that day? Please write it plainly, for example “23:30” or “0:00 on 06/12”.
datetime-ambiguous-weekday-today =
    “{ $given }”: today is that day too, so I cannot tell whether you mean today or next week. Please write “today”, “next …” or the date, for example “05/12”.
datetime-ambiguous-weekend =
    “{ $given }”: is the weekend the Saturday or the Sunday? Please write the day, for example “this saturday” or “05/12”.
datetime-ambiguous-which-day =
    “{ $given }”: which day of that week? Please add the weekday, for example “next friday”.
datetime-ambiguous-weekday-mismatch =
    “{ $given }”: the weekday and the date do not match on the calendar. Please check them.
datetime-ambiguous-two-days = “{ $given }” names two different days. Please write only one.
datetime-ambiguous-two-values = “{ $given }” names two different times, parts of the day or days. Please write only one.
