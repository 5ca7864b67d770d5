import Foundation

/// Decodes a fetched body to text: the charset the headers declare, else one a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` declares in the first 2 KiB, else UTF-8 (then Windows-1252, which every byte
/// string decodes in).
enum TextDecoding {
    static func decode(_ bytes: [UInt8], declaredCharset: String?, isHTML: Bool) -> String? {
        let charset = declaredCharset ?? (isHTML ? metaCharset(in: bytes) : nil)
        if let charset, let encoding = encoding(named: charset), let text = String(bytes: bytes, encoding: encoding) { return text }
        if let text = String(bytes: bytes, encoding: .utf8) { return text }
        return String(bytes: bytes, encoding: .windowsCP1252)
    }

    static func encoding(named name: String) -> String.Encoding? {
        switch name.lowercased() {
        case "utf-8", "utf8": .utf8
        case "iso-8859-1", "latin1", "latin-1", "l1": .isoLatin1
        case "windows-1252", "cp1252", "us-ascii", "ascii": .windowsCP1252  // browsers read these labels as windows-1252
        case "utf-16", "utf16": .utf16
        case "utf-16le": .utf16LittleEndian
        case "utf-16be": .utf16BigEndian
        case "iso-8859-2", "latin2": .isoLatin2
        case "windows-1250": .windowsCP1250
        case "windows-1251": .windowsCP1251
        case "shift_jis", "shift-jis", "sjis": .shiftJIS
        case "euc-jp": .japaneseEUC
        default: nil
        }
    }

    /// The charset named by a meta element near the top of an HTML byte string.
    static func metaCharset(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}
