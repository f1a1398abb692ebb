/// A column of one export, as the reader knows it: its header name, other
/// names Robin uses for it, whether every file must have it, and what its
/// values may be. One enum per export (`DeskColumn`, `EventColumn`) lists the
/// columns the metrics read; every other column is ignored.
protocol ExportColumn: CaseIterable, RawRepresentable<Int> {
    /// The header as Robin's API guide spells it; errors and warnings use it.
    var header: String { get }
    /// Other headers meaning the same column (`Level` for `Floor`).
    var aliases: [String] { get }
    /// Whether a file without the column is an error (else its values read as empty).
    var isRequired: Bool { get }
    /// The group name of an empty value, for columns that name a group
    /// (`(no building)`); nil keeps the empty string.
    var emptyLabel: StaticString? { get }
    /// The readable range of a numeric column; values outside it are out of
    /// range (METRICS.md "Input facts") and read as empty with a warning.
    var range: ClosedRange<Double> { get }
}

extension ExportColumn {
    var aliases: [String] { [] }
    var isRequired: Bool { true }
    var emptyLabel: StaticString? { nil }
    var range: ClosedRange<Double> { ValueLimits.anyFinite }
}
