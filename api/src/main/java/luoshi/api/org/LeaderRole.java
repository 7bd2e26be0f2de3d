package luoshi.api.org;

/** A leader's place in an organisation: the main leader (主要负责人) is the HEAD. */
public enum LeaderRole {
    HEAD, DEPUTY, MEMBER
}
