import RobinModel

/// A problem with the configuration file: names the file, and the line (and
/// column, for syntax errors) when known.
public typealias ConfigError = FileProblem
