// Frequent function words that belong to one of the candidate languages only (no "de", "en",
// "in", "die", "is" that Dutch shares with French, English or German). Trigram models confuse
// short Dutch sentences with German or English; a few such words settle it.
export const functionWords: Readonly<Record<string, readonly string[]>> = {
  nld: (
    'het een van dat op te voor met zijn niet er u wat hoe kunt welke ook aan bij om naar worden ' +
    'wordt werd hebben heeft zal zou deze geen maar als nog al door over tot uit zo ik we wij hun ' +
    'hij zij ze waar wanneer waarom hoeveel welk kan werden zullen moet moeten tussen onder reeds ' +
    'andere alle sinds zich wie graag'
  ).split(' '),
  fra: (
    'le la les des du un une et est que qui dans pour par sur au aux avec ce cette ces il elle ' +
    'nous vous pas ne se sont été plus ou où quel quelle quels quelles combien pourquoi comment ' +
    'avez êtes sera leur leurs son sa ses notre votre mais aussi entre depuis selon lors'
  ).split(' '),
  eng: (
    'the of and to that for with on are was be this it by not or have has which from at an were ' +
    'will would can could what how why who been their there these those'
  ).split(' '),
  deu: (
    'der das und ist nicht mit von zu den dem ein eine auf für im sich auch es wie sind wird ' +
    'werden bei nach aus oder ich wir sie ihr'
  ).split(' '),
};
