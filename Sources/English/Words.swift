/// The words a text is matched by: runs of letters and digits, everything else a separator ("NATO's 32 members" →
/// "nato", "s", "32", "members").
public enum Words {
    /// The runs, lower-cased, in order.
    public static func matching(_ text: String) -> [String] {
        runs(text.lowercased())
    }

    /// The runs with their case kept (where a capital tells a name), in order.
    public static func runs(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
