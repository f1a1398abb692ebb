/// Small readers of the HTML the renderer produces, for assertions.
enum HTMLInspection {
    /// `html` with the entities cmark and HTMLEscaping write decoded (named and numeric).
    static func decode(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"
                rest = after.dropFirst()
                continue
            }
            let name = after[after.index(after: amp)..<semicolon]
            let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            var decoded = named[name]
            if decoded == nil, name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                decoded = value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after.dropFirst()
            }
        }
        return out + rest
    }

    /// The inner HTML of every `<tag ...>...</tag>` (not nested), in order.
    static func elements(_ tag: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<\(tag)") {
            let afterName = rest[open.upperBound...]
            guard let next = afterName.first, next == ">" || next == " " else {
                rest = afterName
                continue
            }
            guard let tagEnd = afterName.firstIndex(of: ">"),
                  let close = afterName.range(of: "</\(tag)>") else { break }
            found.append(String(afterName[afterName.index(after: tagEnd)..<close.lowerBound]))
            rest = afterName[close.upperBound...]
        }
        return found
    }

    /// The inner HTML of each cell (`th` or `td`) of each `tr`.
    static func rows(_ html: String) -> [[String]] {
        elements("tr", in: html).map { row in
            var cells: [String] = []
            var rest = Substring(row)
            while let open = rest.firstIndex(of: "<") {
                let tail = rest[open...]
                guard tail.hasPrefix("<th") || tail.hasPrefix("<td"),
                      let tagEnd = tail.firstIndex(of: ">") else {
                    rest = tail.dropFirst()
                    continue
                }
                let tag = tail.dropFirst().prefix(2)
                guard let close = tail.range(of: "</\(tag)>") else { break }
                cells.append(String(tail[tail.index(after: tagEnd)..<close.lowerBound]))
                rest = tail[close.upperBound...]
            }
            return cells
        }
    }
}
