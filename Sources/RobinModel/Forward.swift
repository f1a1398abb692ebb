/// Desk bookings of the 7 days after the period (docs/metrics.md "Busy days ahead"):
/// what is already booked, against the desks each building had in the period.
public struct Forward: Sendable, Equatable {
    /// The 7 local dates after the period.
    public var period: Period
    /// One entry per building and date, sorted by building, then date.
    public var byBuilding: [ForwardDay]

    public init(period: Period, byBuilding: [ForwardDay]) {
        self.period = period
        self.byBuilding = byBuilding
    }
}

/// One building on one date ahead.
public struct ForwardDay: Sendable, Equatable {
    /// `building`.
    public var building: String
    /// `date`: a local date of the forward window.
    public var date: LocalDate
    /// `booked`: the building's desk rows on that local date with `Canceled At` empty (bookings as exported).
    public var booked: Int
    /// `desks`: the building's `desks_seen` in the period (its inventory when configured; 0 when it had no rows).
    public var desks: Int
    /// `booked_share`: `booked / desks`; nil when `desks` is 0.
    public var bookedShare: Double?

    public init(building: String, date: LocalDate, booked: Int, desks: Int, bookedShare: Double?) {
        self.building = building
        self.date = date
        self.booked = booked
        self.desks = desks
        self.bookedShare = bookedShare
    }
}
