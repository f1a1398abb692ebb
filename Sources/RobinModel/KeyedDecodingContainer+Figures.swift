/// The checks metrics.json's values get as they are read: each failure is a
/// `DecodingError` carrying its JSON path, which `MetricsFileError` words.
extension KeyedDecodingContainer {
    /// The largest count read: 2^53 - 1, the last whole number every JSON
    /// reader (JavaScript's included) holds exactly.
    static var largestCount: Double { 9_007_199_254_740_991 }

    /// A count: a whole number from 0 to 2^53 - 1; nil when absent or null.
    func count(_ key: Key) throws -> Int? {
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value >= 0, value <= Self.largestCount, value.rounded() == value else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "\(Self.shown(value)) is not a count "
                    + "(a whole number from 0 to \(Figures.count(Int(Self.largestCount))))")
        }
        return Int(value)
    }

    /// A figure: a finite number, not negative unless `signed`; nil when absent or null.
    func figure(_ key: Key, signed: Bool = false) throws -> Double? {
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value.isFinite, signed || value >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(Self.shown(value)) cannot be negative")
        }
        return value
    }

    /// A number as the file spells it, near enough: `-1`, `2.5`, `1e+300`.
    static func shown(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 9e18 ? String(Int64(value)) : "\(value)"
    }

    /// A `YYYY-MM-DD` date; nil when absent or null.
    func date(_ key: Key) throws -> LocalDate? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                                                   debugDescription: "\"\(text)\" is not a date (YYYY-MM-DD)")
        }
        return date
    }

    /// A `YYYY-MM-DD` date that must be there.
    func requiredDate(_ key: Key) throws -> LocalDate {
        guard let date = try date(key) else {
            if contains(key) { throw DecodingError.valueNotFound(String.self, .init(codingPath: codingPath + [key], debugDescription: "null")) }
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return date
    }

    /// A list of entries; empty when absent or null.
    func list<Element: Decodable>(_ key: Key) throws -> [Element] {
        try decodeIfPresent([Element].self, forKey: key) ?? []
    }

    /// The group key fields among `names` that the object holds, in that order.
    func groupKey(_ names: [Key]) throws -> GroupKey {
        var fields: [GroupKey.Field] = []
        for name in names {
            if let value = try decodeIfPresent(String.self, forKey: name) { fields.append(.init(name.stringValue, value)) }
        }
        return GroupKey(fields)
    }
}
