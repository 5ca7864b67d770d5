import FactCheckCore
import Foundation
import Stages
import XCTest

final class ClaimNormalizerTests: XCTestCase {
    private let normalizer = RuleBasedClaimNormalizer()

    /// Input → expected `Claim.normalized`.
    private let cases: [(input: String, expected: String)] = [
        // Yes/no questions with be.
        ("Is Japan in NATO?", "Japan is a member of NATO"),
        // Negated comparisons with everything: the superlative they state.
        ("No lake in the world is deeper than Lake Baikal.", "Lake Baikal is the deepest lake in the world"),
        ("No land animal is faster than the cheetah.", "The cheetah is the fastest land animal"),
        ("No city is more populous than Tokyo", "Tokyo is the most populous city"),
        ("No continental mountain range is longer than the Andes.", "The Andes is the longest continental mountain range"),
        ("No country is bigger than Russia", "Russia is the biggest country"),
        ("No one is taller than him.", "No one is taller than him"),
        ("No, Paris is bigger than London.", "No, Paris is bigger than London"),
        ("No other planet is closer to the Sun than Mercury", "No other planet is closer to the Sun than Mercury"),
        ("Is Paris the capital of France?", "Paris is the capital of France"),
        ("Are vaccines safe?", "Vaccines are safe"),
        ("Was NATO founded in 1949?", "NATO was founded in 1949"),
        ("Is the Great Wall of China visible from space?", "The Great Wall of China is visible from space"),
        ("Is climate change caused by humans?", "Climate change is caused by humans"),
        ("Were the pyramids built by slaves?", "The pyramids were built by slaves"),
        ("Is there life on Mars?", "There is life on Mars"),
        ("Is it safe to eat raw eggs?", "It is safe to eat raw eggs"),
        ("Are whales mammals?", "Whales are mammals"),
        ("Is the Earth's core hotter than the surface of the sun?", "The Earth's core is hotter than the surface of the sun"),
        ("Is Canada part of the United States?", "Canada is part of the United States"),
        ("Is the moon landing a hoax?", "The moon landing is a hoax"),
        ("Are Tesla cars safe?", "Tesla cars are safe"),
        ("Is the Earth getting warmer?", "The Earth is getting warmer"),
        ("Is fluoride in water harmful?", "Fluoride in water is harmful"),
        ("Is Rio de Janeiro the capital of Brazil?", "Rio de Janeiro is the capital of Brazil"),
        ("Is Windows 11 free?", "Windows 11 is free"),
        ("Is the Earth 4.5 billion years old?", "The Earth is 4.5 billion years old"),
        ("Isn't Paris the capital of France?", "Paris is the capital of France"),
        ("Is Japan really in NATO?", "Japan is a member of NATO"),
        // Do-support: the verb takes the tense and person of do.
        ("Does coffee cause cancer?", "Coffee causes cancer"),
        ("Did Einstein win a Nobel Prize?", "Einstein won a Nobel Prize"),
        ("Does climate change cause wildfires?", "Climate change causes wildfires"),
        ("Do vaccines cause autism?", "Vaccines cause autism"),
        ("Did the Titanic sink in 1912?", "The Titanic sank in 1912"),
        ("Did the US drop two atomic bombs on Japan?", "The US dropped two atomic bombs on Japan"),
        ("Did Napoleon die in exile?", "Napoleon died in exile"),
        ("Did Columbus discover America?", "Columbus discovered America"),
        ("Did India overtake China in population in 2023?", "India overtook China in population in 2023"),
        ("Does drinking water help you lose weight?", "Drinking water helps you lose weight"),
        ("Does cracking your knuckles cause arthritis?", "Cracking your knuckles causes arthritis"),
        ("Do people in Japan eat whales?", "People in Japan eat whales"),
        ("Do humans only use 10% of their brains?", "Humans only use 10% of their brains"),
        ("Didn't Einstein win a Nobel Prize?", "Einstein won a Nobel Prize"),
        ("Did Einstein not win a Nobel Prize?", "Einstein did not win a Nobel Prize"),
        ("Did anyone survive the Titanic?", "Someone survived the Titanic"),
        // Have and modals.
        ("Has Finland joined NATO?", "Finland has joined NATO"),
        ("Have humans been to Mars?", "Humans have been to Mars"),
        ("Has Japan ever been in NATO?", "Japan has been a member of NATO"),
        ("Can humans see ultraviolet light?", "Humans can see ultraviolet light"),
        ("Can a penny dropped from a skyscraper kill someone?", "A penny dropped from a skyscraper can kill someone"),
        ("Will AI replace doctors?", "AI will replace doctors"),
        ("Could the Titanic have been saved?", "The Titanic could have been saved"),
        // "Why" tests what it takes for granted, negation included.
        ("Why is Japan not in NATO?", "Japan is not a member of NATO"),
        ("Why isn't Switzerland in the EU?", "Switzerland is not a member of the EU"),
        ("Why doesn't Japan have nuclear weapons?", "Japan does not have nuclear weapons"),
        ("Why can't humans see ultraviolet light?", "Humans cannot see ultraviolet light"),
        ("Why did the UK leave the EU?", "The UK left the EU"),
        // Membership organisations.
        ("Is Germany in the EU?", "Germany is a member of the EU"),
        ("Is Russia in the G8?", "Russia is a member of the G8"),
        ("Is Ukraine part of NATO?", "Ukraine is a member of NATO"),
        ("Are Norway and Iceland in the EU?", "Norway and Iceland are members of the EU"),
        ("Is the UK still in the EU?", "The UK is still a member of the EU"),
        ("Is Mexico in NATO yet?", "Mexico is a member of NATO"),
        ("Sweden is not part of the EU", "Sweden is not a member of the EU"),
        ("Japan in NATO?", "Japan is a member of NATO"),
        // Meta-questions and requests.
        ("Is it true that the Great Wall is visible from space?", "The Great Wall is visible from space"),
        ("Is it true vaccines cause autism?", "Vaccines cause autism"),
        ("Fact check: NATO was founded in 1949", "NATO was founded in 1949"),
        ("Is \"vaccines cause autism\" true?", "Vaccines cause autism"),
        ("Is the claim that Einstein failed math true?", "Einstein failed math"),
        ("Can you check if Japan is in NATO?", "Japan is a member of NATO"),
        ("True or false: the Sahara is expanding", "The Sahara is expanding"),
        ("Did you know that octopuses have three hearts?", "Octopuses have three hearts"),
        ("I wonder whether Japan is in NATO", "Japan is a member of NATO"),
        // Hedges and fillers.
        ("I heard that Japan is in NATO", "Japan is a member of NATO"),
        ("Someone told me vaccines cause autism", "Vaccines cause autism"),
        ("Apparently, the moon landing was faked", "The moon landing was faked"),
        ("Finland, reportedly, joined NATO in 2023", "Finland joined NATO in 2023"),
        ("I think coffee is bad for you", "Coffee is bad for you"),
        ("Supposedly the Earth is flat", "The Earth is flat"),
        ("Rumor has it that Elvis is alive", "Elvis is alive"),
        ("People say that bats are blind", "Bats are blind"),
        ("My uncle says the moon landing was staged", "The moon landing was staged"),
        ("I read on Facebook that bananas are radioactive", "Bananas are radioactive"),
        ("Vaccines cause autism, right?", "Vaccines cause autism"),
        ("Vaccines cause autism right?", "Vaccines cause autism"),
        ("Is Japan in NATO or not?", "Japan is a member of NATO"),
        ("Japan is in NATO, isn't it?", "Japan is a member of NATO"),
        ("Hey, is Japan in NATO??", "Japan is a member of NATO"),
        ("Vaccines cause autism. Is that true?", "Vaccines cause autism"),
        // Emoji, punctuation, quotes, spacing and case.
        ("Vaccines cause autism 😱😱!!!", "Vaccines cause autism"),
        ("Is Japan in NATO❓🤔", "Japan is a member of NATO"),
        ("“The Earth is flat”", "The Earth is flat"),
        ("'Japan is in NATO'", "Japan is a member of NATO"),
        ("  NATO   was founded\tin 1949  ", "NATO was founded in 1949"),
        ("IS THE EARTH FLAT???", "The earth is flat"),
        ("does coffee cause cancer", "Coffee causes cancer"),
        ("Did Einstein Win A Nobel Prize?", "Einstein won a Nobel Prize"),
        // Statements pass through unchanged but for the final full stop and the first capital.
        ("NATO was founded in 1949.", "NATO was founded in 1949"),
        ("The Eiffel Tower is in Paris", "The Eiffel Tower is in Paris"),
        ("vaccines are safe", "Vaccines are safe"),
        ("iPhones contain gold", "iPhones contain gold"),
        ("Unemployment in the EU is 6%", "Unemployment in the EU is 6%"),
        ("Will Smith won an Oscar", "Will Smith won an Oscar"),
        ("Can openers were invented in 1858", "Can openers were invented in 1858"),
        ("Donald Trump said that Mexico would pay for the wall", "Donald Trump said that Mexico would pay for the wall"),
        // Questions no statement replaces keep their question mark.
        ("When was NATO founded?", "When was NATO founded?"),
    ]

    func testNormalizesTable() throws {
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        for (input, expected) in cases {
            XCTAssertEqual(try normalizer.normalize(input).normalized, expected, "input: \(input)")
        }
    }

    func testKeepsTheUsersWordingAsText() throws {
        let claim = try normalizer.normalize("  I heard that Japan is in NATO?? 🤔 ")
        XCTAssertEqual(claim.text, "I heard that Japan is in NATO?? 🤔")
        XCTAssertEqual(claim.normalized, "Japan is a member of NATO")
    }

    func testRemovesControlCharactersAndComposesUnicode() throws {
        let claim = try normalizer.normalize("Is Me\u{0301}xico in NATO?\u{0007}\u{200B}")
        XCTAssertEqual(claim.text, "Is México in NATO?")
        XCTAssertEqual(claim.normalized, "México is a member of NATO")
        XCTAssertEqual(claim.normalized.unicodeScalars.count, "México is a member of NATO".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    func testRejectsEmptyInput() {
        for input in ["", "   ", "\n\t "] {
            XCTAssertThrowsError(try normalizer.normalize(input)) { error in
                XCTAssertEqual("\(error)", "The claim is empty.")
            }
        }
        XCTAssertThrowsError(try normalizer.normalize("\u{0000}\u{0007}")) { error in
            XCTAssertEqual("\(error)", "The claim is empty.")
        }
    }

    func testRejectsInputWithNothingToCheck() {
        for input in ["😀😀😀", "...", "I heard that", "Is it true?"] {
            XCTAssertThrowsError(try normalizer.normalize(input), input) { error in
                XCTAssertEqual("\(error)", "The claim has nothing to check once filler words and symbols are removed.")
            }
        }
    }

    func testRejectsClaimsOverTheLimit() throws {
        let atLimit = "Japan is a member of NATO " + String(repeating: "a", count: 1000 - 26)
        XCTAssertEqual(atLimit.count, 1000, "the web app's limit (WebConfiguration.maxClaimLength)")
        XCTAssertNoThrow(try normalizer.normalize(atLimit))
        XCTAssertThrowsError(try normalizer.normalize(atLimit + "b")) { error in
            XCTAssertEqual("\(error)", "The claim is 1001 characters long; the limit is 1000.")
        }
        let strict = RuleBasedClaimNormalizer(configuration: .init(maximumLength: 10))
        XCTAssertThrowsError(try strict.normalize("Is Japan in NATO?")) { error in
            XCTAssertEqual("\(error)", "The claim is 17 characters long; the limit is 10.")
        }
    }

    func testRejectsAMegabyte() {
        let huge = String(repeating: "Is Japan in NATO? ", count: 1_048_576 / 18 + 1)
        XCTAssertThrowsError(try normalizer.normalize(huge)) { error in
            XCTAssertTrue("\(error)".hasSuffix("characters long; the limit is 1000."), "\(error)")
        }
    }
}
