import Foundation

/// The JSON body of an export request, validated as Robin does.
struct ExportRequestBody: Sendable {
    let fromUTC: Int64
    let toUTC: Int64
    let locationIDs: [Int]?

    /// Why a body was refused: Robin's `meta.message` and `meta.errors`.
    struct Invalid: Error {
        let message: String
        let errors: [String]
    }

    init(json: Data) throws(Invalid) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw Invalid(message: "The request body must be a JSON object", errors: ["body: not a JSON object"])
        }
        var errors: [String] = []
        func timestamp(_ key: String) -> Int64? {
            guard let text = object[key] as? String else {
                errors.append("\(key): is required and must be an ISO 8601 timestamp")
                return nil
            }
            do {
                return try RobinTimestamp.parse(text)
            } catch .fractionalSeconds {
                errors.append("\(key): fractional seconds are not supported (\"\(text)\")")
            } catch {
                errors.append("\(key): \"\(text)\" is not an ISO 8601 timestamp with an offset")
            }
            return nil
        }
        let from = timestamp("from")
        let to = timestamp("to")
        if let from, let to, to <= from {
            errors.append("to: must be after from")
        }
        var locationIDs: [Int]?
        if object["location_ids"] != nil {
            // JSONDecoder is strict where JSONSerialization's NSNumbers are not: 1.5 or true is no Int.
            struct Locations: Decodable { let location_ids: [Int] }
            if let ids = try? JSONDecoder().decode(Locations.self, from: json).location_ids, ids.allSatisfy({ $0 > 0 }) {
                locationIDs = ids
            } else {
                errors.append("location_ids: must be an array of positive integers")
            }
        }
        guard errors.isEmpty, let from, let to else {
            throw Invalid(message: "The given data was invalid: " + errors.joined(separator: "; "), errors: errors)
        }
        self.fromUTC = from
        self.toUTC = to
        self.locationIDs = locationIDs
    }
}
