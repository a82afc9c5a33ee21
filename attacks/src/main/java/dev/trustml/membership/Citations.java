package dev.trustml.membership;

/** Paper citations shown in listings and reports. */
final class Citations {
  static final String YEOM_2018 =
      "Yeom, Giacomelli, Fredrikson, Jha. Privacy Risk in Machine Learning: Analyzing the"
          + " Connection to Overfitting. IEEE CSF 2018";
  static final String SONG_MITTAL_2021 =
      "Song, Mittal. Systematic Evaluation of Privacy Risks of Machine Learning Models."
          + " USENIX Security 2021";
  static final String CARLINI_2022 =
      "Carlini, Chien, Nasr, Song, Terzis, Tramer. Membership Inference Attacks From First"
          + " Principles. IEEE S&P 2022";
  static final String ZARIFZADEH_2024 =
      "Zarifzadeh, Liu, Chan, Shokri. Low-Cost High-Power Membership Inference Attacks."
          + " ICML 2024";

  static final String VOCABULARY =
      "trustml (no paper): a vocabulary built from the training rows outside the DP mechanism"
          + " reveals which words the members used";

  private Citations() {}
}
