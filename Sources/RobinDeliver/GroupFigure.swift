/// One group's value in a breakdown (a building's desk utilization, a
/// department's daily attendance): drawn as one bar in the email.
public struct GroupFigure: Sendable, Equatable {
    /// The group as exported (a building or department name): untrusted text.
    public var name: String
    /// The value; nil where metrics.json has null.
    public var value: Double?

    public init(name: String, value: Double?) {
        self.name = name
        self.value = value
    }
}
