/// The config target (`Tests/RobinAnalyticsTests/Fuzz/ConfigFuzzTarget.swift`).
func fuzzTarget(_ input: [UInt8]) -> [String] {
    ConfigFuzzTarget.run(input)
}
