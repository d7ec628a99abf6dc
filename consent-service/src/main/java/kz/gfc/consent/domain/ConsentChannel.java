package kz.gfc.consent.domain;

/** How the subject gave the consent: a one-time code texted to them, their own app session, or an EDS at the desk. */
public enum ConsentChannel {
    SMS_OTP, MOBILE_APP, IN_PERSON_EDS
}
