import Domain
import Testing

@Suite("Two-factor rules")
struct TwoFactorRulesTests {
    @Test("a recovery code is compared without case, spaces or hyphens, and must have ten characters of the alphabet")
    func recoveryCodeShape() {
        #expect(RecoveryCode.normalised("AbCdE-fGh2 7") == "abcdefgh27")
        #expect(RecoveryCode.isWellFormed("abcde-fgh27"))
        #expect(RecoveryCode.isWellFormed("ABCDE FGH27"))
        #expect(!RecoveryCode.isWellFormed("abcde-fgh2"))
        #expect(!RecoveryCode.isWellFormed("abcde-fgh21"))  // 1 is not in the base32 alphabet
        #expect(!RecoveryCode.isWellFormed("abcde-fgh2é"))
    }

    @Test("the policy answers per role and treats a role without a row as optional")
    func policy() {
        let policy = TwoFactorPolicy(required: ["projectleider": true, "partner": true, "directeur": false])
        #expect(policy.requires(.projectleider))
        #expect(!policy.requires(.directeur))
        #expect(!policy.requires(.ontwikkelgroep))
    }
}
