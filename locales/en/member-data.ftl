## Member data (/export_member, /erase_member)

member-data-usage-export = Usage: /export_member followed by the person's Telegram id or @username, for example /export_member 123456789 or /export_member @nguyenvanan.
member-data-usage-erase = Usage: /erase_member followed by the person's Telegram id or @username, for example /erase_member 123456789 or /erase_member @nguyenvanan.
member-data-not-found = Nobody matching “{ $given }” was found in the organisation. Please check the Telegram id, @username or full name.
member-data-ambiguous =
    Several people match “{ $given }”:
    { $candidates }
    Please repeat the command with the code in brackets.
member-data-export-caption = Everything the assistant stores about { $name }. The file contains personal data; please keep it safe.
member-data-erase-confirm =
    Do you really want to erase the personal data of { $name }?
    • Their name, Telegram username and Telegram id are deleted; they leave every cell.
    • Task reports, absence reasons, comments and written or voice answers are deleted.
    • Only figures that carry no name are kept (attendance, task results, choices and ratings) so that the cells' overall rates stay right.
    This cannot be undone.
member-data-erase-button = 🗑 Erase permanently
member-data-erase-cancel-button = Cancel
member-data-erase-done = The member's personal data has been erased. Overall figures are kept without their name.
member-data-erase-cancelled = Cancelled; nothing was erased.
member-data-already-erased = This person's data has already been erased or is no longer in the organisation.
member-data-erase-admin = { $name } is a committee admin; the assistant does not erase the data of admins.
member-data-erased-label = Erased member

## Command descriptions

cmd-export-member = Export everything stored about a person
cmd-erase-member = Erase a person's personal data
