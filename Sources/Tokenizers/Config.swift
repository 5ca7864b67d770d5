/// A read-only view of one value inside a parsed `tokenizer.json`, remembering where it sits so
/// that errors can name the file and the field (`model.vocab`, `normalizer.normalizers[2].type`).
struct Config {
    let value: JSONValue?
    let path: String
    let file: String

    /// Parses JSON bytes into the root value, which must be an object.
    static func parse(_ bytes: [UInt8], file: String) throws -> Config {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw TokenizerError.malformedJSON(file, reason: "\(error)")
        }
        guard case .object = root else {
            throw TokenizerError.malformedJSON(file, reason: "top level is not an object")
        }
        return Config(value: root, path: "", file: file)
    }

    subscript(key: String) -> Config {
        let child = path.isEmpty ? key : "\(path).\(key)"
        guard case .object(let members)? = value else { return Config(value: nil, path: child, file: file) }
        return Config(value: members.last(where: { $0.key == key })?.value, path: child, file: file)
    }

    /// True when the field is absent or JSON `null`.
    var isNull: Bool {
        switch value {
        case nil, .null?: return true
        default: return false
        }
    }

    var string: String? {
        if case .string(let string)? = value { return string }
        return nil
    }

    var bool: Bool? {
        if case .bool(let bool)? = value { return bool }
        return nil
    }

    var int: Int? {
        if case .number(let number, true)? = value, let int = Int(exactly: number) { return int }
        return nil
    }

    var double: Double? {
        if case .number(let number, _)? = value { return number }
        return nil
    }

    var array: [Config]? {
        guard case .array(let items)? = value else { return nil }
        return items.enumerated().map { Config(value: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// Object members in file order, with their exact key text.
    var object: [(key: String, value: Config)]? {
        guard case .object(let members)? = value else { return nil }
        return members.map { member in
            (member.key, Config(value: member.value, path: "\(path).\(member.key)", file: file))
        }
    }

    // MARK: Required values

    func requiredString() throws -> String {
        try require(string, "a string")
    }

    func requiredInt() throws -> Int {
        try require(int, "an integer")
    }

    func requiredDouble() throws -> Double {
        try require(double, "a number")
    }

    func requiredArray() throws -> [Config] {
        try require(array, "an array")
    }

    func requiredObject() throws -> [(key: String, value: Config)] {
        try require(object, "an object")
    }

    // MARK: Optional values (absent or null → fallback)

    func string(default fallback: String?) throws -> String? {
        isNull ? fallback : try requiredString()
    }

    func bool(default fallback: Bool) throws -> Bool {
        isNull ? fallback : try require(bool, "a boolean")
    }

    func int(default fallback: Int?) throws -> Int? {
        isNull ? fallback : try requiredInt()
    }

    /// The `type` tag of a component object.
    func typeTag() throws -> String {
        try self["type"].requiredString()
    }

    // MARK: Errors naming this field

    func missing() -> TokenizerError {
        TokenizerError.missingField(path, in: file)
    }

    func invalid(_ reason: String) -> TokenizerError {
        TokenizerError.invalidValue(path, in: file, reason: reason)
    }

    func unsupported(_ component: String, type: String) -> TokenizerError {
        TokenizerError.unsupportedType(type, component: component, at: path, in: file)
    }

    private func require<T>(_ typed: T?, _ expected: String) throws -> T {
        if let typed { return typed }
        if isNull { throw missing() }
        throw TokenizerError.invalidField(path, in: file, expected: expected)
    }
}
