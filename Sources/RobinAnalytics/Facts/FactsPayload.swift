import RobinModel

/// The payload of a facts file: one export file's facts (`FactsCodec`).
///
///     u8 kind (0 desks, 1 spaces)  date  rows read  duplicates  bad values
///     person keys, place keys (u64 each)  names (the group names, once each)
///     dates: date, groups (kind, name indexes, counts, exact sums, id sets[, window ms]) [, hour ms]
enum FactsPayload {
    /// Names per group kind (`FactGroupKey.names`), desks then rooms.
    static let deskNames = [0, 1, 2, 1, 1, 2], roomNames = [0, 1, 2, 4, 1, 1]

    static func write(_ facts: ExportFileFacts, to out: inout ByteWriter) {
        out.u8(facts.kind == .desks ? 0 : 1)
        out.signed(Int64(facts.date.daysSinceEpoch))
        out.count(facts.rowsRead)
        out.count(facts.duplicates)
        out.count(facts.badOptionalValues)
        for keys in [facts.ids.persons, facts.ids.places] {
            out.count(keys.count)
            for key in keys { out.u64(key) }
        }
        var names: [String: Int] = [:], list: [String] = []
        let keys = facts.desks.flatMap { $0.groups.map(\.key) } + facts.rooms.flatMap { $0.groups.map(\.key) }
        for name in keys.flatMap(\.names) where names[name] == nil {
            names[name] = list.count
            list.append(name)
        }
        out.count(list.count)
        for name in list { out.string(name) }
        func key(_ key: FactGroupKey) {
            out.u8(key.kind)
            for name in key.names { out.count(names[name]!) }
        }
        switch facts.kind {
        case .desks:
            out.count(facts.desks.count)
            for day in facts.desks {
                out.signed(Int64(day.day))
                out.count(day.groups.count)
                for group in day.groups {
                    key(group.key)
                    let c = group.counts
                    for value in [c.reservations, c.canceledInAdvance, c.released, c.checkedIn, c.booked] { out.count(value) }
                    write(c.bookedHours, to: &out)
                    for set in [group.desks, group.attendedDesks, group.people] { write(set, to: &out) }
                }
            }
        case .spaces:
            out.count(facts.rooms.count)
            for day in facts.rooms {
                out.signed(Int64(day.day))
                out.count(day.groups.count)
                for group in day.groups {
                    key(group.key)
                    let c = group.counts
                    for value in [c.events, c.meetings, c.canceled, c.declined, c.autoUnbooked, c.checkedIn, c.allDay,
                                  c.attendeesSum, c.attendeesCount, c.fillCount, c.oversized, c.delayedCount] {
                        out.count(value)
                    }
                    write(c.bookedMinutes, to: &out)
                    write(c.fillSum, to: &out)
                    write(c.delayedSum, to: &out)
                    out.count(group.businessMillis.count)
                    for millis in group.businessMillis { out.varint(UInt64(millis)) }
                    write(group.rooms, to: &out)
                    write(group.hosts, to: &out)
                }
                out.count(day.hourMillis.count)
                for millis in day.hourMillis { out.varint(UInt64(millis)) }
            }
        }
    }

    /// - Parameter spaceDays: the dates (days since 1970-01-01) whose `by_space`
    ///   groups are kept; nil = every date's. The others' are read and checked, not kept.
    static func read(_ reader: inout ByteReader, spaceDays: ClosedRange<Int>? = nil) throws(FactsCodecError) -> ExportFileFacts {
        let kindByte = try reader.u8()
        guard kindByte <= 1 else { throw .malformed("kind \(kindByte)") }
        let kind: ExportKind = kindByte == 0 ? .desks : .spaces
        let date = LocalDate(daysSinceEpoch: try day(&reader))
        let (rows, duplicates, bad) = (try reader.natural(), try reader.natural(), try reader.natural())
        var keys: [[UInt64]] = []
        for _ in 0..<2 {
            keys.append(try reader.u64s(try reader.count(atMost: Int(Int32.max))))
        }
        let ids = IDSpace(persons: keys[0], places: keys[1])
        var list: [String] = []
        for _ in 0..<(try reader.count()) { list.append(try reader.string()) }
        func groupKind(shapes: [Int]) throws(FactsCodecError) -> UInt8 {
            let kind = try reader.u8()
            guard Int(kind) < shapes.count else { throw .malformed("group kind \(kind)") }
            return kind
        }
        /// A group's names (checked either way; empty when not kept).
        func names(of kind: UInt8, shapes: [Int], keep: Bool = true) throws(FactsCodecError) -> [String] {
            var names: [String] = []
            if keep { names.reserveCapacity(shapes[Int(kind)]) }  // one allocation, not one per name (by_space keys have four)
            for _ in 0..<shapes[Int(kind)] {
                let index = try reader.natural()
                guard index < list.count else { throw .malformed("name index \(index)") }
                if keep { names.append(list[index]) }
            }
            return names
        }
        let persons = ids.persons.count, places = ids.places.count
        var facts = ExportFileFacts(kind: kind, date: date, ids: ids)
        (facts.rowsRead, facts.duplicates, facts.badOptionalValues) = (rows, duplicates, bad)
        switch kind {
        case .desks:
            for _ in 0..<(try reader.count()) {
                let day = try day(&reader)
                let count = try reader.count()
                var groups: [DeskGroupFacts] = []
                groups.reserveCapacity(count)
                for _ in 0..<count {
                    let kind = try groupKind(shapes: deskNames)
                    var group = DeskGroupFacts(key: FactGroupKey(kind, try names(of: kind, shapes: deskNames)))
                    var c = DeskCounts()
                    (c.reservations, c.canceledInAdvance, c.released, c.checkedIn, c.booked) =
                        (try reader.natural(), try reader.natural(), try reader.natural(), try reader.natural(), try reader.natural())
                    c.bookedHours = try sum(&reader)
                    group.counts = c
                    group.desks = try set(&reader, space: places)
                    group.attendedDesks = try set(&reader, space: places)
                    group.people = try set(&reader, space: persons)
                    groups.append(group)
                }
                try checkTotalFirst(groups.map(\.key))
                facts.desks.append(DeskDayFacts(day: day, ids: ids, groups: groups))
            }
        case .spaces:
            for _ in 0..<(try reader.count()) {
                let day = try day(&reader)
                let keepSpaces = spaceDays?.contains(day) ?? true
                let count = try reader.count()
                var groups: [RoomGroupFacts] = []
                groups.reserveCapacity(count)
                for _ in 0..<count {
                    let kind = try groupKind(shapes: roomNames)
                    // Read and checked either way; kept only for the dates that need them.
                    let skipped = !keepSpaces && kind == RoomGroupKind.space.rawValue
                    var group = RoomGroupFacts(key: FactGroupKey(kind, try names(of: kind, shapes: roomNames, keep: !skipped)))
                    var c = RoomCounts()
                    (c.events, c.meetings, c.canceled, c.declined, c.autoUnbooked, c.checkedIn, c.allDay) =
                        (try reader.natural(), try reader.natural(), try reader.natural(), try reader.natural(),
                         try reader.natural(), try reader.natural(), try reader.natural())
                    (c.attendeesSum, c.attendeesCount, c.fillCount, c.oversized, c.delayedCount) =
                        (try reader.natural(), try reader.natural(), try reader.natural(), try reader.natural(), try reader.natural())
                    (c.bookedMinutes, c.fillSum, c.delayedSum) = (try sum(&reader), try sum(&reader), try sum(&reader))
                    group.counts = c
                    for _ in 0..<(try reader.count()) { group.businessMillis.append(try millisValue(&reader)) }
                    group.rooms = try set(&reader, space: places)
                    group.hosts = try set(&reader, space: persons)
                    if !skipped { groups.append(group) }
                }
                try checkTotalFirst(groups.map(\.key))
                facts.rooms.append(RoomDayFacts(day: day, ids: ids, groups: groups, hourMillis: try millis(&reader),
                                                hasSpaces: keepSpaces))
            }
        }
        return facts
    }

    /// A date within a few thousand years of 1970 (what `LocalDate` holds).
    private static func day(_ reader: inout ByteReader) throws(FactsCodecError) -> Int {
        let value = try reader.signed()
        guard abs(value) < 3_000_000 else { throw .malformed("date \(value)") }
        return Int(value)
    }

    private static func checkTotalFirst(_ keys: [FactGroupKey]) throws(FactsCodecError) {
        guard keys.first?.kind == 0, !keys.dropFirst().contains(where: { $0.kind == 0 }) else {
            throw .malformed("a date's groups do not start with its total")
        }
    }

    private static func millis(_ reader: inout ByteReader) throws(FactsCodecError) -> [Int64] {
        var values: [Int64] = []
        for _ in 0..<(try reader.count()) { values.append(try millisValue(&reader)) }
        return values
    }

    private static func millisValue(_ reader: inout ByteReader) throws(FactsCodecError) -> Int64 {
        let value = try reader.varint()
        guard value <= UInt64(Int64.max >> 8) else { throw .malformed("milliseconds out of range") }
        return Int64(value)
    }

    static func write(_ sum: ExactSum, to out: inout ByteWriter) {
        out.signed(sum.fixed)
        out.count(sum.partials.count)
        for partial in sum.partials { out.double(partial) }
    }

    private static func sum(_ reader: inout ByteReader) throws(FactsCodecError) -> ExactSum {
        let fixed = try reader.signed()
        var partials: [Double] = []
        for _ in 0..<(try reader.count(atMost: 64)) { partials.append(try reader.double()) }
        return ExactSum(fixed: fixed, partials: partials)
    }

    /// An id set: 0 and its members' gaps, or 1, its member count and the bit words.
    static func write(_ set: IDSet, to out: inout ByteWriter) {
        /// Form 0: the count, then each member's gap from the one before.
        func sorted<Members: Collection<UInt32>>(_ members: Members) {
            out.u8(0)
            out.count(members.count)
            var previous: Int64 = -1
            for member in members {
                out.varint(UInt64(Int64(member) - previous - 1))
                previous = Int64(member)
            }
        }
        switch set.storage {
        case .sorted(let members): sorted(members)
        case .one(let member): sorted(CollectionOfOne(member))  // the bytes do not depend on the form in memory
        case .words(let words):
            out.u8(1)
            out.count(set.count)
            out.count(words.count)
            for word in words { out.u64(word) }
        }
    }

    /// An id set whose members are all below `space`.
    private static func set(_ reader: inout ByteReader, space: Int) throws(FactsCodecError) -> IDSet {
        let form = try reader.u8()
        switch form {
        case 0:
            let count = try reader.count()
            var next: UInt64 = 0
            /// The next member: the one before plus its gap, inside the space.
            func member() throws(FactsCodecError) -> UInt32 {
                let member = next + (try reader.varint())
                guard member < UInt64(space) else { throw .malformed("id \(member) outside its space (\(space))") }
                next = member + 1
                return UInt32(member)
            }
            // One member (a room's own id: most sets) without building an array.
            if count == 1 { return IDSet(storage: .one(try member()), count: 1) }
            var members: [UInt32] = []
            members.reserveCapacity(count)
            for _ in 0..<count { members.append(try member()) }
            return IDSet(sorted: members)
        case 1:
            let count = try reader.natural()
            let wordCount = try reader.count(atMost: (space + 63) / 64)
            let words = try reader.u64s(wordCount)
            // No member at or past the space's size, and the stated count.
            if wordCount > 0, space % 64 != 0, wordCount == (space + 63) / 64,
               words[wordCount - 1] >> UInt64(space % 64) != 0 {
                throw .malformed("id outside its space (\(space))")
            }
            guard words.reduce(0, { $0 + $1.nonzeroBitCount }) == count else { throw .malformed("set count") }
            return IDSet(storage: .words(words), count: count)
        default:
            throw .malformed("set form \(form)")
        }
    }
}
