/// Generates every desk reservation of one building on one local date and
/// writes those whose start instant is in `[fromUTC, toUTC)`.
///
/// The random stream is keyed by (seed, building, date) only, so a row is
/// the same whichever range asks for it. Volume, per resident and workday:
/// attendance ~0.55 (Tue-Thu peaks, Friday lows, a trickle at weekends);
/// hot-desk users (45%) check in to 3-10 short sessions a day, the others
/// have one or two reservations, and assigned desks have a row every workday
/// (released in advance on away days). That is ~2.6 rows per resident and
/// workday: a 20,000-person month gives over a million rows.
struct DeskDayGenerator {
    let catalog: Catalog
    let buildingIndex: Int
    let day: Int
    let fromUTC: Int64
    let toUTC: Int64

    /// Booking-chance multiplier by ISO weekday (index 0 = Monday).
    static let weekdayFactor: [Double] = [0.62, 1.0, 0.96, 0.9, 0.38, 0.015, 0.008]

    private var rng: SplitMix64
    private var sequence: Int64 = 0
    private let building: Building
    /// UTC of local midnight, for times of day from 04:00 on.
    private let dayStart: Int64
    private let weekday: Int
    /// The story's emptying floor in this building today and the share of bookings it keeps.
    private let emptying: (floor: Int, keep: Double)?
    /// On or after the story's "today": only bookings made in advance, none checked in or released yet.
    private let isAhead: Bool

    init(catalog: Catalog, buildingIndex: Int, day: Int, fromUTC: Int64, toUTC: Int64) {
        self.catalog = catalog
        self.buildingIndex = buildingIndex
        self.day = day
        self.fromUTC = fromUTC
        self.toUTC = toUTC
        self.building = catalog.buildings[buildingIndex]
        self.rng = SplitMix64(keys: catalog.seed, 0xDE5C, UInt64(buildingIndex), UInt64(bitPattern: Int64(day)))
        self.dayStart = Int64(day) * 86_400 - building.clock.daytimeOffset(day: day)
        let weekday = (day + 3) % 7
        self.weekday = weekday < 0 ? weekday + 7 : weekday
        self.emptying = catalog.story?.emptying(building: buildingIndex, day: day)
        self.isAhead = catalog.story?.isAhead(day) ?? false
    }

    mutating func run(into out: inout [UInt8]) {
        let factor = DeskDayGenerator.weekdayFactor[weekday]
        let isWorkday = weekday < 5
        for resident in building.people {
            let person = catalog.people[Int(resident)]
            let chance = catalog.story?.chance(person.propensity * factor, person: Int(resident), building: buildingIndex,
                                               day: day, weekday: weekday) ?? person.propensity * factor
            let attends = rng.chance(chance)
            switch person.style {
            case .assigned, .shared:
                if attends, let emptying, catalog.desks[Int(person.ownDesk)].floorIndex == emptying.floor,
                   !rng.chance(emptying.keep) {
                    // Moved off the emptying floor: a hoteled desk elsewhere in the building.
                    book(person: resident, desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 420...600, out: &out)
                } else if attends {
                    book(person: resident, desk: person.ownDesk, style: person.style, length: 510...630, out: &out)
                } else if isWorkday && person.style == .assigned {
                    releaseInAdvance(person: resident, desk: person.ownDesk, out: &out)
                }
            case .hot:
                if attends, isAhead {
                    // Walk-up sessions are not booked ahead; for an all-hands some book a desk.
                    if catalog.story?.isBusy(building: buildingIndex, day: day) == true, rng.chance(0.1) {
                        book(person: resident, desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 420...600, out: &out)
                    }
                } else if attends {
                    hotSessions(person: resident, out: &out)
                }
            case .hoteled:
                if attends {
                    if rng.chance(0.2) {
                        book(person: resident, desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 180...270, out: &out)
                        book(person: resident, desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 180...240,
                             earliest: 13 * 60, out: &out)
                    } else {
                        book(person: resident, desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 420...600, out: &out)
                    }
                }
            case .reverseHoteled:
                if attends {
                    book(person: resident, desk: pickDesk(building.bookableAssignedDesks), style: .reverseHoteled,
                         length: 420...600, out: &out)
                }
            }
        }
        extras(factor: factor * (catalog.story?.dayScale(day) ?? 1), out: &out)
    }

    /// Visitors from other offices, guests without a Robin account, and desks
    /// blocked by facilities (no assignee at all).
    private mutating func extras(factor: Double, out: inout [UInt8]) {
        let residents = Double(building.people.count)
        for _ in 0..<count(expected: residents * 0.012 * factor) {
            var visitor = Int32(rng.below(catalog.people.count))
            if catalog.people[Int(visitor)].homeBuilding == buildingIndex {
                visitor = Int32(rng.below(catalog.people.count))
            }
            book(person: visitor, desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 360...540, out: &out)
        }
        for _ in 0..<count(expected: residents * 0.004 * factor + 0.3) {
            var row = plan(desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 240...480, earliest: 9 * 60)
            row.creator = pick(building.people)
            row.assignee = -1
            row.guestName = catalog.guestNames[rng.below(catalog.guestNames.count)]
            emit(row, out: &out)
        }
        for _ in 0..<count(expected: residents * 0.002 * factor + 0.2) {
            var row = plan(desk: pickDesk(building.hoteledDesks), style: .hoteled, length: 480...600, earliest: 7 * 60)
            row.creator = Int32(catalog.facilitiesAdmin)
            row.assignee = -1
            emit(row, out: &out)
        }
    }

    /// A whole number of events with the given expectation.
    private mutating func count(expected: Double) -> Int {
        let whole = Int(expected)
        return whole + (rng.chance(expected - Double(whole)) ? 1 : 0)
    }

    /// A desk of `pool`; on the story's emptying floor only with the share it keeps
    /// (else another floor's desk of the pool, when a few draws find one).
    private mutating func pickDesk(_ pool: [Int32]) -> Int32 {
        var desk = pick(pool)
        if let emptying, catalog.desks[Int(desk)].floorIndex == emptying.floor, !rng.chance(emptying.keep) {
            for _ in 0..<8 where catalog.desks[Int(desk)].floorIndex == emptying.floor {
                desk = pick(pool)
            }
        }
        return desk
    }

    private mutating func pick(_ pool: [Int32]) -> Int32 {
        pool[rng.below(pool.count)]
    }

    /// Start, end, identity and type of a reservation; outcome not yet decided.
    private mutating func plan(
        desk: Int32, style: DeskStyle, length: ClosedRange<Int>, earliest: Int = 7 * 60 + 30
    ) -> DeskReservation {
        let startMinute = earliest + rng.below(10) * 15
        let minutes = (length.lowerBound + rng.below((length.upperBound - length.lowerBound) / 15 + 1) * 15)
        let start = dayStart + Int64(startMinute * 60)
        return DeskReservation(
            desk: desk, reservationID: nextID(), seriesID: 0, type: style.typeField, start: start,
            end: start + Int64(minutes * 60), creator: -1, assignee: -1
        )
    }

    private mutating func nextID() -> Int64 {
        sequence += 1
        return (Int64(day) * 8 + Int64(buildingIndex)) * 10_000_000 + sequence
    }

    private mutating func book(
        person: Int32, desk: Int32, style: DeskStyle, length: ClosedRange<Int>, earliest: Int = 7 * 60 + 30,
        out: inout [UInt8]
    ) {
        var row = plan(desk: desk, style: style, length: length, earliest: earliest)
        assign(&row, person: person, style: style)
        if !isAhead { decideOutcome(&row, checkInRate: 0.78) }
        emit(row, out: &out)
    }

    private mutating func assign(_ row: inout DeskReservation, person: Int32, style: DeskStyle) {
        let record = catalog.people[Int(person)]
        row.assignee = person
        row.lowerCaseEmail = rng.chance(0.3)
        let creatorDraw = rng.unit()
        row.creator = creatorDraw < 0.88 ? person
            : creatorDraw < 0.96 ? pick(building.people) : Int32(catalog.facilitiesAdmin)
        if style == .assigned || style == .shared || (style == .hoteled && person % 5 == 0) {
            row.seriesID = record.seriesID
        }
    }

    /// Canceled in advance, released (no-show), checked in (sometimes checked
    /// out early), or neither (attended without check-in).
    private mutating func decideOutcome(_ row: inout DeskReservation, checkInRate: Double) {
        let draw = rng.unit()
        let offset = Int64(rng.below(3 * 86_400))
        if draw < 0.07 {
            row.canceledAt = row.start - 1800 - offset
            row.cancellation = DeskReservation.canceledByUser
        } else if draw < 0.13 {
            row.canceledAt = min(row.end, row.start + Int64([1800, 3600, 7200][Int(offset % 3)]))
            row.cancellation = DeskReservation.autoReleased
        } else if draw < 0.13 + checkInRate * 0.87 {
            // From 5 minutes early to half-way through (at most an hour late).
            row.checkedIn = row.start - 300 + offset % min(3900, (row.end - row.start) / 2 + 300)
            if offset % 11 == 0, row.checkedIn + 3600 < row.end {
                row.canceledAt = row.checkedIn + (row.end - row.checkedIn) / 2
                row.cancellation = DeskReservation.checkedOut
            }
        }
    }

    private mutating func releaseInAdvance(person: Int32, desk: Int32, out: inout [UInt8]) {
        var row = plan(desk: desk, style: .assigned, length: 540...540, earliest: 8 * 60)
        assign(&row, person: person, style: .assigned)
        row.canceledAt = row.start - 3600 - Int64(rng.below(5 * 86_400))
        row.cancellation = DeskReservation.releasedByAssignee
        emit(row, out: &out)
    }

    /// 4-14 back-to-back short sessions on hot desks, nearly all checked in.
    private mutating func hotSessions(person: Int32, out: inout [UInt8]) {
        var minute = 7 * 60 + 30 + rng.below(8) * 15
        for _ in 0..<(4 + rng.below(11)) {
            let length = 30 + rng.below(5) * 15
            guard minute + length <= 21 * 60 else { break }
            let start = dayStart + Int64(minute * 60)
            var row = DeskReservation(
                desk: pickDesk(building.hotDesks), reservationID: nextID(), seriesID: 0, type: DeskStyle.hot.typeField,
                start: start, end: start + Int64(length * 60), creator: -1, assignee: -1
            )
            assign(&row, person: person, style: .hot)
            decideOutcome(&row, checkInRate: 0.95)
            emit(row, out: &out)
            minute += length + rng.below(3) * 15
        }
    }

    private func emit(_ row: DeskReservation, out: inout [UInt8]) {
        guard row.start >= fromUTC, row.start < toUTC else { return }
        row.write(to: &out, catalog: catalog, building: building)
    }
}
