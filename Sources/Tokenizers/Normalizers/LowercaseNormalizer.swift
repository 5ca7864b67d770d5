/// Lowercases every character (full Unicode lowercase mapping, character by character).
struct LowercaseNormalizer: Normalizer {
    func normalize(_ text: inout NormalizedString) {
        text.lowercase()
    }
}

extension NormalizedString {
    /// Rust `char::to_lowercase` per scalar; expansions align with their source scalar.
    mutating func lowercase() {
        guard let firstChange = scalars.firstIndex(where: { scalar in
            scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.changesWhenLowercased
        }) else { return }
        var newScalars = Array(scalars[..<firstChange])
        var newOrigins = Array(origins[..<firstChange])
        newScalars.reserveCapacity(scalars.count)
        newOrigins.reserveCapacity(scalars.count)
        for i in firstChange..<scalars.count {
            let scalar = scalars[i]
            if scalar.value < 0x80 {
                let value = (0x41...0x5A).contains(scalar.value) ? scalar.value + 32 : scalar.value
                newScalars.append(Unicode.Scalar(value)!)
                newOrigins.append(origins[i])
            } else if scalar.properties.changesWhenLowercased {
                for mapped in scalar.properties.lowercaseMapping.unicodeScalars {
                    newScalars.append(mapped)
                    newOrigins.append(origins[i])
                }
            } else {
                newScalars.append(scalar)
                newOrigins.append(origins[i])
            }
        }
        scalars = newScalars
        origins = newOrigins
    }
}
