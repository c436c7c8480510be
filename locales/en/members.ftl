## Naming a member in a command: reply, @username, number

member-ref-missing = Which member? Reply to their message, or give their @username or their number from /members.
member-ref-unknown = No member “{ $given }” in this cell. Please check with /members (you can use the number, for example #3).
member-ref-ambiguous =
    Several members match “{ $given }”:
    { $candidates }
    Please repeat the command with the number, for example #3.

## Members, roles and statuses (/role, /status, /members)

member-ref-did-you-mean =
    No member is called exactly “{ $given }”. Did you mean:
    { $candidate }
    If so, please type the command again with this number.
member-changed-meanwhile = Someone else has just changed this member's details. Please check /members and try again.
setrole-usage =
    Usage: /role <member> <role>, for example /role @nguyenvanan deputy or /role #3 group leader.
    You can also reply to the member's message with /role <role>.
    Roles: secretary, deputy, committee, group leader, member (Vietnamese words work too).
setrole-unknown-word =
    I don't know the role “{ $given }”. Put the role at the end of the command, one of:
    secretary, deputy, committee, group leader, member (or bí thư, phó bí thư, chi ủy viên, tổ trưởng, đảng viên).
    Example: /role #3 deputy
setrole-same = Comrade { $name } (#{ $number }) is already { $role }; nothing to change.
setrole-done = Role updated: comrade { $name } (#{ $number }) from { $before } to { $role }.
setrole-secretary-guard = Only the cell secretary or a committee admin can appoint or change the secretary.
setrole-last-secretary = Comrade { $name } is the cell's only secretary, so their role cannot be changed yet. Appoint another secretary first, or ask a committee admin to do it.
setrole-no-secretary = Note: the cell has no secretary now.
setrole-several-secretaries = Note: the cell now has { $count } secretaries. If this replaces the secretary, please change the former secretary's role.
setrole-leadership-cleared = Comrade { $name } no longer leads: { $groups }.
setstatus-usage =
    Usage: /status <member> <status>, for example /status @nguyenvanan probationary or /status #3 exempt.
    You can also reply to the member's message with /status <status>.
    Statuses: official, probationary, exempt (Vietnamese words work too).
setstatus-unknown-word =
    I don't know the status “{ $given }”. Put the status at the end of the command, one of:
    official, probationary, exempt (or chính thức, dự bị, miễn sinh hoạt).
    Example: /status #3 official
setstatus-same = Comrade { $name } (#{ $number }) is already a { $status } member; nothing to change.
setstatus-done = Updated: comrade { $name } (#{ $number }) is now a { $status } member (was: { $before }).
members-empty = { $cell } has no members on the assistant yet. The cell secretary can invite members with /invite.
members-header = Members of { $cell } ({ $count })
members-page = Page { $page }/{ $pages }
members-line = { $mark } #{ $number } { $name } — { $details }
members-unreachable =
    🔕 { $count } member(s) cannot receive private reminders yet.
    They should tap the assistant's name, open a private chat and press “Start”.
members-all-reachable = 🔔 Every member can receive private reminders.
members-page-prev = ◀ Previous
members-page-next = Next ▶

## Command descriptions

cmd-members = The cell's members
cmd-role = Set a member's role in the cell
cmd-status = Set a member's status
