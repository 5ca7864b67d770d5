/// Inflection of English verbs: third person singular, simple past and past participles.
public enum VerbForms {
    /// Base form → (simple past, past participle) of irregular verbs.
    public static let irregular: [String: (past: String, participle: String)] = [
        "arise": ("arose", "arisen"), "awake": ("awoke", "awoken"), "be": ("was", "been"), "bear": ("bore", "born"),
        "beat": ("beat", "beaten"), "become": ("became", "become"), "begin": ("began", "begun"), "bend": ("bent", "bent"),
        "bet": ("bet", "bet"), "bind": ("bound", "bound"), "bite": ("bit", "bitten"), "bleed": ("bled", "bled"),
        "blow": ("blew", "blown"), "break": ("broke", "broken"), "breed": ("bred", "bred"), "bring": ("brought", "brought"),
        "broadcast": ("broadcast", "broadcast"), "build": ("built", "built"), "burst": ("burst", "burst"),
        "buy": ("bought", "bought"), "cast": ("cast", "cast"), "catch": ("caught", "caught"), "choose": ("chose", "chosen"),
        "come": ("came", "come"), "cost": ("cost", "cost"), "creep": ("crept", "crept"), "cut": ("cut", "cut"),
        "deal": ("dealt", "dealt"), "dig": ("dug", "dug"), "do": ("did", "done"), "draw": ("drew", "drawn"),
        "drink": ("drank", "drunk"), "drive": ("drove", "driven"), "eat": ("ate", "eaten"), "fall": ("fell", "fallen"),
        "feed": ("fed", "fed"), "feel": ("felt", "felt"), "fight": ("fought", "fought"), "find": ("found", "found"),
        "flee": ("fled", "fled"), "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"),
        "forecast": ("forecast", "forecast"), "forget": ("forgot", "forgotten"), "forgive": ("forgave", "forgiven"),
        "freeze": ("froze", "frozen"), "get": ("got", "gotten"), "give": ("gave", "given"), "go": ("went", "gone"),
        "grow": ("grew", "grown"), "hang": ("hung", "hung"), "have": ("had", "had"), "hear": ("heard", "heard"),
        "hide": ("hid", "hidden"), "hit": ("hit", "hit"), "hold": ("held", "held"), "hurt": ("hurt", "hurt"),
        "keep": ("kept", "kept"), "know": ("knew", "known"), "lead": ("led", "led"), "leave": ("left", "left"),
        "lend": ("lent", "lent"), "let": ("let", "let"), "light": ("lit", "lit"), "lose": ("lost", "lost"),
        "make": ("made", "made"), "mean": ("meant", "meant"), "meet": ("met", "met"), "mislead": ("misled", "misled"),
        "overcome": ("overcame", "overcome"), "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"),
        "prove": ("proved", "proven"), "put": ("put", "put"), "quit": ("quit", "quit"), "read": ("read", "read"),
        "rebuild": ("rebuilt", "rebuilt"), "ride": ("rode", "ridden"), "ring": ("rang", "rung"), "rise": ("rose", "risen"),
        "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"), "seek": ("sought", "sought"),
        "sell": ("sold", "sold"), "send": ("sent", "sent"), "set": ("set", "set"), "shake": ("shook", "shaken"),
        "shine": ("shone", "shone"), "shoot": ("shot", "shot"), "show": ("showed", "shown"), "shrink": ("shrank", "shrunk"),
        "shut": ("shut", "shut"), "sing": ("sang", "sung"), "sink": ("sank", "sunk"), "sit": ("sat", "sat"),
        "sleep": ("slept", "slept"), "slide": ("slid", "slid"), "speak": ("spoke", "spoken"), "spend": ("spent", "spent"),
        "spin": ("spun", "spun"), "split": ("split", "split"), "spread": ("spread", "spread"), "spring": ("sprang", "sprung"),
        "stand": ("stood", "stood"), "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"), "sting": ("stung", "stung"),
        "strike": ("struck", "struck"), "swear": ("swore", "sworn"), "sweep": ("swept", "swept"), "swim": ("swam", "swum"),
        "swing": ("swung", "swung"), "take": ("took", "taken"), "teach": ("taught", "taught"), "tear": ("tore", "torn"),
        "tell": ("told", "told"), "think": ("thought", "thought"), "throw": ("threw", "thrown"),
        "understand": ("understood", "understood"), "undergo": ("underwent", "undergone"),
        "undertake": ("undertook", "undertaken"), "uphold": ("upheld", "upheld"), "wake": ("woke", "woken"),
        "wear": ("wore", "worn"), "weave": ("wove", "woven"), "weep": ("wept", "wept"), "win": ("won", "won"),
        "wind": ("wound", "wound"), "withdraw": ("withdrew", "withdrawn"), "write": ("wrote", "written"),
    ]

    /// Irregular past forms and participles ("won", "built", "taken").
    private static let irregularInflected: Set<String> = Set(irregular.values.flatMap { [$0.past, $0.participle] })
        .union(["got", "sewn", "sown", "shown", "mown", "lain", "gone"])

    /// Two-syllable verbs stressed on the last syllable, which double their final consonant (`admitted`).
    private static let doublingVerbs: Set<String> = [
        "admit", "commit", "occur", "prefer", "refer", "permit", "submit", "omit", "regret", "control", "patrol",
        "compel", "expel", "propel", "rebel", "equip", "transfer", "deter", "incur", "recur", "confer", "infer",
        "defer", "acquit",
    ]

    /// `cause` → `causes`, `go` → `goes`, `fly` → `flies`, `have` → `has`.
    public static func thirdPersonSingular(_ verb: String) -> String {
        switch verb {
        case "be": return "is"
        case "have": return "has"
        default: break
        }
        if ["s", "x", "z", "ch", "sh", "o"].contains(where: verb.hasSuffix) { return verb + "es" }
        if endsInConsonantY(verb) { return String(verb.dropLast()) + "ies" }
        return verb + "s"
    }

    /// Prefixes that keep an irregular verb irregular: overtake → overtook, rebuild → rebuilt.
    private static let prefixes = ["over", "under", "out", "with", "fore", "mis", "re", "up"]

    /// The irregular forms of `verb`, also behind a prefix: `overtake` → (`overtook`, `overtaken`).
    private static func irregularForms(_ verb: String) -> (past: String, participle: String)? {
        if let forms = irregular[verb] { return forms }
        for prefix in prefixes where verb.hasPrefix(prefix) {
            if let forms = irregular[String(verb.dropFirst(prefix.count))] { return (prefix + forms.past, prefix + forms.participle) }
        }
        return nil
    }

    /// Whether `word` is the base form of a known verb.
    public static func isBase(_ word: String) -> Bool {
        Lexicon.verbs.contains(word) || irregularForms(word) != nil
    }

    /// `win` → `won`, `cause` → `caused`, `stop` → `stopped`, `try` → `tried`, `visit` → `visited`.
    public static func simplePast(_ verb: String) -> String {
        if let forms = irregularForms(verb) { return forms.past }
        if verb.hasSuffix("e") { return verb + "d" }
        if endsInConsonantY(verb) { return String(verb.dropLast()) + "ied" }
        if verb.hasSuffix("c") { return verb + "ked" }
        if doublingVerbs.contains(verb) || (syllables(verb) == 1 && endsConsonantVowelConsonant(verb)) {
            return verb + String(verb.last!) + "ed"
        }
        return verb + "ed"
    }

    /// A past tense or participle: irregular (`built`, `won`) or a regular -ed form (`joined`).
    public static func isParticiple(_ word: String) -> Bool {
        if irregularInflected.contains(word) { return true }
        for prefix in prefixes where word.hasPrefix(prefix) {
            // "overtaken", "rebuilt"; not "outcome" or "output", whose stems are also base forms.
            let stem = String(word.dropFirst(prefix.count))
            if irregularInflected.contains(stem), irregular[stem] == nil { return true }
        }
        return word.count >= 4 && word.hasSuffix("ed") && !Lexicon.edNonParticiples.contains(word)
    }

    /// A form only a verb phrase has: an auxiliary, a past tense or participle, or the -s form of a known verb.
    public static func isFinite(_ word: String) -> Bool {
        Lexicon.auxiliaries.contains(word) || isParticiple(word) || isThirdPersonOfKnownVerb(word)
    }

    /// Any form of a known verb, including the base form (`cause`, `causes`, `caused`).
    public static func isVerb(_ word: String) -> Bool {
        isBase(word) || isFinite(word)
    }

    private static func isThirdPersonOfKnownVerb(_ word: String) -> Bool {
        guard word.hasSuffix("s") else { return false }
        let stems = [String(word.dropLast()), String(word.dropLast(2)), word.hasSuffix("ies") ? String(word.dropLast(3)) + "y" : ""]
        return stems.contains { Lexicon.verbs.contains($0) && thirdPersonSingular($0) == word }
    }

    private static let vowels = Set("aeiou")

    private static func endsInConsonantY(_ word: String) -> Bool {
        guard word.hasSuffix("y"), word.count >= 2 else { return false }
        return !vowels.contains(word.dropLast().last!)
    }

    private static func endsConsonantVowelConsonant(_ word: String) -> Bool {
        let letters = Array(word.suffix(3))
        guard letters.count == 3 else { return false }
        return !vowels.contains(letters[0]) && vowels.contains(letters[1]) && !vowels.contains(letters[2])
            && !"wxy".contains(letters[2])
    }

    private static func syllables(_ word: String) -> Int {
        var count = 0
        var previousWasVowel = false
        for letter in word {
            let isVowel = vowels.contains(letter) || letter == "y"
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        return count
    }
}
