/// Turns a person's identifying fields into the bytes that identify them: the
/// lower-cased trimmed email when present, else the trimmed name (METRICS.md),
/// which the reader interns into a dense id. Only the id leaves the reader;
/// names and emails do not.
enum PersonKeys {
    /// Appends the key of the first non-empty of `email` (lower-cased), else
    /// `name`, else `fallbackEmail`; an empty value when all are empty (no person).
    static func append(email: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>,
                       fallbackEmail: UnsafeBufferPointer<UInt8>? = nil, to values: inout DeferredValues) {
        let email = FieldParsing.trimmed(email)
        if !email.isEmpty { return appendEmail(email, to: &values) }
        let name = FieldParsing.trimmed(name)
        // A 0x01 prefix keeps names and emails apart.
        if !name.isEmpty { return values.append(prefix: 0x01, name) }
        if let fallbackEmail {
            let fallback = FieldParsing.trimmed(fallbackEmail)
            if !fallback.isEmpty { return appendEmail(fallback, to: &values) }
        }
        values.append(UnsafeBufferPointer(start: nil, count: 0))
    }

    private static func appendEmail(_ email: UnsafeBufferPointer<UInt8>, to values: inout DeferredValues) {
        var nonASCII: UInt8 = 0
        for byte in email { nonASCII |= byte & 0x80 }
        if nonASCII == 0 { return values.appendLowercased(email) }
        Array(String(decoding: email, as: UTF8.self).lowercased().utf8).withUnsafeBufferPointer { values.append($0) }
    }
}
