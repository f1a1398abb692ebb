import Testing
@testable import RobinExports

private func timestamp(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { FieldParsing.timestamp($0) }
}

private func number(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { FieldParsing.number($0) }
}

@Suite("Field formats")
struct FieldParsingTests {
    // 2022-09-18 04:08:41 UTC = 1663474121 s since 1970.
    @Test("Robin's UTC form and ISO 8601 variants give the same instant",
          arguments: ["2022-09-18 04:08:41", "2022-09-18T04:08:41Z", "2022-09-18T04:08:41", "2022-09-18t04:08:41z",
                      "2022-09-18T00:08:41-04:00", "2022-09-18T06:08:41+0200", "2022-09-18T05:08:41+01"])
    func sameInstant(text: String) {
        #expect(timestamp(text) == 1_663_474_121_000)
    }

    @Test("fractional seconds are kept to the millisecond")
    func fraction() {
        #expect(timestamp("2022-09-18T04:08:41.5Z") == 1_663_474_121_500)
        #expect(timestamp("2022-09-18T04:08:41.123456+00:00") == 1_663_474_121_123)
    }

    @Test("not timestamps", arguments: ["", "2022-09-18", "2026-13-01 09:00:00", "2026-02-30 09:00:00",
                                        "2026-11-17 25:00:00", "2026-11-17 09:00", "yesterday at noon",
                                        "2022-09-18T04:08:41.Z", "2022-09-18T04:08:41 junk"])
    func rejected(text: String) {
        #expect(timestamp(text) == nil)
    }

    @Test("numbers")
    func numbers() {
        #expect(number("12") == 12)
        #expect(number("-3.25") == -3.25)
        #expect(number("0.1") == 0.1)
        #expect(number("1e3") == 1000)
        #expect(number("8.0") == 8)
        #expect(number("abc") == nil)
        #expect(number("1.2.3") == nil)
        #expect(number("") == nil)
    }
}
