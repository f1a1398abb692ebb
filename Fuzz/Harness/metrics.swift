/// The metrics target (`Tests/RobinDeliverTests/Fuzz/MetricsFuzzTarget.swift`).
func fuzzTarget(_ input: [UInt8]) -> [String] {
    MetricsFuzzTarget.run(input)
}
