package kz.gfc.issuance.domain;

/** How the provider sends the result: a paper package by courier, or over its API. */
public enum Delivery {
    PAPER, ELECTRONIC
}
