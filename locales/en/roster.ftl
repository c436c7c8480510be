## Roster import (/import)

roster-usage = To import a roster, send a CSV or Excel (.xlsx) file with the caption /import, or reply /import to a message with the file. The header row needs a “Full name” column; “Role”, “Party group” and “Status” columns are optional.
roster-too-large = The file is too large: rosters of up to { $limit } are accepted. Please split the list into smaller files and send them one by one. Nobody was imported.
roster-download-failed = I could not download the file from Telegram. Please send it again in a few minutes. Nobody was imported.
roster-file-empty = The file is empty. Please check the roster file and send it again. Nobody was imported.
roster-file-no-rows = The file has only a header row and no names. Please fill in the list below the header and send it again.
roster-missing-name-column =
    I could not find a full-name column in the file (columns found: { $found }).
    The header row needs a “Full name” (“Họ và tên”) column; “Role”, “Party group” and “Status” are optional. Nobody was imported.
roster-too-many-rows = The file has { $rows } rows, more than the limit of { $limit } rows per import. Please split it into smaller files and send them one by one. Nobody was imported.
roster-unclosed-quote = The CSV file has an unclosed quotation mark starting at row { $row }. Please open the file in Excel, save it again and resend it. Nobody was imported.
roster-not-a-table = This file is not a table. I accept CSV or Excel (.xlsx) files. Nobody was imported.
roster-xlsx-invalid = This is not a valid Excel (.xlsx) file, or it is damaged. Please open it in Excel, use “Save as” .xlsx or CSV, and send it again. Nobody was imported.
roster-xls-old = I cannot read old-style Excel files (.xls). Please open the file in Excel, use “Save as” .xlsx or CSV UTF-8, and send it again. Nobody was imported.
roster-working = I received the file “{ $file }” for { $cell } and am importing the roster. The result and each member's personal link will be sent here.
roster-need-private = Comrade { $name }, you have not opened a private chat with me yet, so I cannot send you each member's personal link (these links are never posted in the group). Tap the button below, choose “Start”, then send the file with /import again. Nobody was imported.
roster-open-private-button = Open a private chat with the assistant
roster-report-header = 📋 Roster import into { $cell } (file “{ $file }”)
roster-report-counts = Accepted: { $accepted } { $accepted ->
        [one] member
       *[other] members
    }. Refused: { $refused } { $refused ->
        [one] row
       *[other] rows
    }.
roster-report-groups-created = New party groups created: { $groups }.
roster-report-leader-set = { $name } is recorded as leader of { $group }.
roster-report-refused-header = Refused rows (please correct them and send these rows in a new file):
roster-refused-line = • Row { $row } ({ $name }): { $reason }
roster-refused-line-noname = • Row { $row }: { $reason }
roster-reason-name-empty = the full name is missing.
roster-reason-name-too-long = the full name is longer than 100 characters.
roster-reason-name-no-letters = the full name has no letters.
roster-reason-name-bad-characters = the full name contains characters that are not allowed (emoji or symbols).
roster-reason-name-mixed-scripts = the full name mixes letters of different alphabets; please retype it in Vietnamese letters.
roster-reason-role-unknown = the role “{ $given }” is not valid. Use one of: secretary, deputy, committee, group leader, member (or bí thư, phó bí thư, chi ủy viên, tổ trưởng, đảng viên); empty means member.
roster-reason-status-unknown = the status “{ $given }” is not valid. Use one of: official, probationary, exempt (or chính thức, dự bị, miễn sinh hoạt); empty means official.
roster-reason-group-invalid = the party group name “{ $given }” is not valid (it needs letters or digits, at most 64 characters, no emoji).
roster-reason-duplicate-in-file = the same full name as row { $firstRow } of the file. If these are two different people, add a detail to tell them apart, e.g. the year of birth: Nguyễn Văn An (1958).
roster-reason-already-member = the cell already has a member with this full name.
roster-report-none-accepted = No row was accepted; the cell's roster is unchanged.
roster-report-links-header = Each member's personal link to claim their place. Every link is for one person only: send it privately to that comrade, never post it in the group. When they open the link and tap “Start”, their Telegram account is recorded in the cell.
roster-link-line = #{ $number } { $name }: { $link }
roster-group-summary = Roster imported into { $cell }: { $accepted } accepted, { $refused } refused. The detailed report and each member's personal link were sent privately to comrade { $name }.
roster-group-summary-undelivered = Roster imported into { $cell }: { $accepted } accepted, { $refused } refused. I could not send the report privately to comrade { $name }; personal links are not posted in the group. Please open a private chat with me and tell a committee admin.
roster-xlsx-too-large = This Excel file unpacks to an unusually large size (over 10 MB) or has too many parts inside, so I will not read it. Please open it in Excel, copy just the roster table into a new file (or “Save as” CSV UTF-8) and send it again. Nobody was imported.
roster-import-busy = I am already importing another roster into { $cell }. Please wait until it is done (usually a few seconds), then send the file with /import again.

## Command descriptions

cmd-import = Import the member roster from a CSV or Excel file
