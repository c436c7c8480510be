## Monthly digest, /report and /export

cmd-report = Monthly report of a cell or of the ward
cmd-export = Export the records (Excel workbook) for a month or a year

digest-title = 📊 REPORT FOR { $period } — { $organisation }
digest-ward-heading = 🏛 Whole ward ({ $cells } cells)
digest-cell-heading = ▪️ { $cell }
digest-line-meetings = • Meetings: regular { $regularHeld }/{ $regularPlanned }, thematic { $thematicHeld }/{ $thematicPlanned }{ $cancelled ->
        [0] {""}
        [one] {""}; { $cancelled } cancelled
       *[other] {""}; { $cancelled } cancelled
    }
digest-line-attendance = • Attendance: { $rate } ({ $present }/{ $expected })
digest-line-attendance-change = • Attendance: { $rate } ({ $present }/{ $expected }), { $direction ->
        [up] up { $points } points
        [down] down { $points } points
       *[same] unchanged
    } on last month
digest-line-attendance-none = • Attendance: no meeting has been closed yet
digest-line-absences = • Absent without a reason: { $unexcused } (with a reason: { $excused })
digest-line-tasks = • Tasks: assigned { $assigned }, done on time { $onTime }, done late { $late }, overdue { $overdue }
digest-line-prompts = • Questions: { $rate } answered ({ $responded }/{ $audience })
digest-line-prompts-none = • Questions: none this month
digest-line-rating = • Meeting rating: { $average }/5 ({ $count } { $count ->
        [one] rating
       *[other] ratings
    })
digest-line-self-review = • Self-review: { $rate } submitted ({ $submitted }/{ $expected })
digest-line-self-review-none = • Self-review: not held this month
digest-line-unreachable = • Not reachable privately: { $count } { $count ->
        [one] member
       *[other] members
    }
digest-line-no-thematic = • ⚠️ No thematic meeting this quarter

digest-attention-heading = ⚠️ CELLS NEEDING ATTENTION
digest-attention-none = ✅ No cell is below the attention thresholds.
digest-attention-line = • { $cell }: { $reasons }
digest-reason-no-meeting = no meeting held this month
digest-reason-attendance = attendance { $percent }% (below { $threshold }%)
digest-reason-repeated = { $count } { $count ->
        [one] member
       *[other] members
    } repeatedly absent without a reason
digest-reason-self-review = self-review only { $percent }% (below { $threshold }%)
digest-reason-no-thematic = no thematic meeting this quarter

digest-names-repeated = Repeatedly absent without a reason (this year):
digest-names-person-absences = – { $name }: { $count } { $count ->
        [one] time
       *[other] times
    }
digest-names-overdue = With overdue tasks:
digest-names-person-overdue = – { $name }: { $count } { $count ->
        [one] task
       *[other] tasks
    }
digest-names-missing-review = Self-review not submitted:
digest-names-person = – { $name }
digest-names-none = Nobody is repeatedly absent, overdue with a task, or missing a self-review.

digest-secretary-intro = Dear { $name }, here is your cell's summary for { $period }.
digest-no-committee = ℹ️ The ward has no committee chat registered, so the monthly report is sent to the admins privately. To have it posted to the committee's group or channel: add the bot to that group and type /register_committee there, or type /register_committee @channel_name here.
digest-chart-caption = Attendance in { $period } compared with the previous month, and the ward's 12-month trend.
digest-workbook-caption = Records for { $period } (Excel workbook).

report-usage = Usage: /report [month/year], e.g. /report 11/2026. Without a month: this month (in the first 5 days of a month: the previous one).
report-not-allowed = Reports are for cell secretaries, deputies and committee admins.
report-no-data = There is nothing to report for { $period } yet (no meetings, tasks or questions).
report-future = { $period } has not started yet; there is nothing to report.
export-usage = Usage: /export [month/year | year] [cell], e.g. /export 11/2026, /export 2026, or /export 11/2026 Khu phố 1.
export-no-data = There is nothing to export for { $period } yet.
export-unknown-cell = There is no cell called “{ $name }” in the ward.
export-done = Records for { $period }{ $cell ->
        [none] {""}
       *[other] {""} — { $cell }
    }.
export-period-year = the year { $year }
report-group-names-private = Names (repeated absences, overdue tasks, missing self-reviews) are not posted in the group: the secretary can see them by sending /report to the assistant privately.
report-group-use-private = Reports are sent only in a private chat: tap the assistant's name, choose “Start” and type /report.
export-group-use-private = The records list members by name, so they are sent only in a private chat: tap the assistant's name, choose “Start” and type /export.
digest-chart-title = Attendance — { $period }
digest-chart-month = { $period }
digest-chart-trend = The ward's 12-month trend
