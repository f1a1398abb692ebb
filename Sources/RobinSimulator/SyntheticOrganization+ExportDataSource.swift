import RobinSynthetic

/// The synthetic organisation serves the simulator's exports (`simulate`, `demo`).
extension SyntheticOrganization: ExportDataSource {}
