import RobinModel

/// One export to fetch: a kind and a local day, with its place in the
/// schedule (lower goes first).
struct ExportJob: Sendable, CustomStringConvertible {
    let kind: ExportKind
    let window: DayWindow
    let order: Int

    var date: LocalDate { window.date }

    /// `desks export for 2026-11-17`: the name errors and logs use.
    var description: String { "\(kind) export for \(window.date)" }
}
