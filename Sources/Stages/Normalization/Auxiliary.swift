import English
/// The auxiliary verb a yes/no question starts with: a form of be, have or do, or a modal.
struct Auxiliary {
    enum Kind {
        case be, have, doSupport, modal
    }

    let kind: Kind
    /// The positive form, lower-case: `is`, `does`, `can`.
    let form: String
    /// Whether it was contracted with not: `isn't`, `can't`.
    let isNegated: Bool

    init?(_ token: Token) {
        var word = token.lower
        let contracted = ["can't": "can", "cannot": "can", "won't": "will", "shan't": "shall"]
        if let base = contracted[word] {
            word = base
            isNegated = true
        } else if word.hasSuffix("n't") {
            word = String(word.dropLast(3))
            isNegated = true
        } else {
            isNegated = false
        }
        switch word {
        case "am", "is", "are", "was", "were": kind = .be
        case "has", "have", "had": kind = .have
        case "do", "does", "did": kind = .doSupport
        case "can", "could", "will", "would", "shall", "should", "may", "might", "must": kind = .modal
        default: return nil
        }
        form = word
    }

    /// Whether the subject must be plural (`are`, `do`) or singular (`is`, `does`); `nil` when either fits.
    var pluralAgreement: Bool? {
        switch form {
        case "are", "were", "have", "do": true
        case "am", "is", "was", "has", "does": false
        default: nil
        }
    }

    /// Modals also start statements ("Will Smith won…", "May 2020 was…"), so only a question mark makes them questions.
    var needsQuestionMark: Bool { kind == .modal }

    /// `is not`, `does not`, `cannot`.
    var negativeForm: String { form == "can" ? "cannot" : form + " not" }
}
