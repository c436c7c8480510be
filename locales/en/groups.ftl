## Party groups (/group, /groups)

group-usage =
    Usage of /group:
    /group new <name> — create a party group
    /group leader <name> <member> — set the group leader
    /group add <name> <members> — add members (@usernames or numbers, separated by spaces or commas)
    /group remove <name> <member> — take a member out of the group
    /groups — list the party groups
    Example: /group add Group 1 @nguyenvanan, #5
group-none-yet = The cell has no party groups yet. Create one first with /group new <name>, for example /group new Group 1.
group-not-found = The cell has no party group “{ $given }”. Existing groups: { $groups }.
group-name-empty = Please give the party group a name, for example /group new Group 1.
group-name-too-long = That name is too long ({ $length } characters). Please keep it to { $max } characters at most.
group-name-bad-chars = A party group name may contain letters, digits, spaces and ordinary punctuation, but no emoji or symbols. For example: Group 1, Mechanics.
group-name-mixed-scripts = The name mixes different alphabets (for example Latin and Cyrillic letters), which is easy to confuse. Please type it again in one alphabet.
group-duplicate = The cell already has a party group “{ $name }”. Please choose another name.
group-created =
    Party group “{ $name }” created.
    Next: /group leader { $name } <member> to set its leader, /group add { $name } <members> to add members.
group-leader-already = Comrade { $name } (#{ $number }) already leads “{ $group }”.
group-leader-done = Comrade { $name } (#{ $number }) now leads “{ $group }”.
group-role-raised = Comrade { $name }'s role is now { $role }.
group-role-lowered = Comrade { $name }'s role is back to { $role }.
group-leader-moved = Comrade { $name } moved from “{ $from }” to this group and no longer leads “{ $from }”.
group-leader-previous = Comrade { $name } no longer leads “{ $group }”.
group-leader-released = Comrade { $name } no longer leads “{ $group }” after changing groups; that group has no leader now.
group-add-missing = Please list the members to add after the group's name, for example /group add { $group } @nguyenvanan #5.
group-add-header = Party group “{ $group }”:
group-add-added = • Added: { $names }
group-add-moved = • Moved here from another group: { $names }
group-add-already = • Already in the group: { $names }
group-add-not-found = • Not found in the cell: { $refs } — please check /members.
group-remove-not-in = Comrade { $name } (#{ $number }) is not in “{ $group }”.
group-remove-done = Comrade { $name } (#{ $number }) has been taken out of “{ $group }”.
group-remove-was-leader = “{ $group }” has no leader now; set one with /group leader { $group } <member>.
groups-none = { $cell } has no party groups yet. The cell secretary can create one with /group new <name>.
groups-header = Party groups of { $cell } ({ $count }):
groups-line = • { $name } — leader: { $leader }; { $size } member(s)
groups-no-leader = none yet

## Command descriptions

cmd-groups = The cell's party groups
cmd-group = Create party groups, set leaders, add or remove members
