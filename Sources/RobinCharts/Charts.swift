/// The report's charts as standalone SVG documents.
///
/// Output is the same bytes for the same input: numbers have a fixed format,
/// elements come in a fixed order, and nothing depends on the clock or locale.
/// Every label is escaped, so names from the exports cannot inject markup.
/// Empty input (no dates, all zero, all nil) gives a valid chart saying "No data".
public enum Charts {}
