package kz.gfc.intake.domain;

import kz.gfc.kit.iin.Iin;

public interface OperatorSignatures { void verify(byte[] signedContent, String signatureBase64, Iin operatorIin); }
