extension TargetMeasure {
    /// The measure a `[targets]` key sets a goal for, with the label and format every
    /// view writes it in (`Measure.headline`, or `Measure.daysPerPerson`).
    public var measure: Measure {
        switch self {
        case .avgDaysPerPerson: .daysPerPerson
        case .checkInRate: .deskCheckInRate
        case .deskUtilization: .deskUtilization
        case .policyAdherence: .policyAdherence
        case .roomUtilization: .roomUtilization
        }
    }
}
