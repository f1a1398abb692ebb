import RobinModel

/// An export the simulator accepted.
struct SimulatedExport: Sendable {
    let kind: ExportKind
    let fromUTC: Int64
    let toUTC: Int64
    let locationIDs: [Int]?
    let token: String
    let readyAt: ContinuousClock.Instant
    /// The simulated time it was requested at (Unix seconds): it shows what had
    /// happened by then (`AsOfView`); nil = everything.
    let asOfUTC: Int64?
}
