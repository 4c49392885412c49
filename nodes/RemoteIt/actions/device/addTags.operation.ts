import { tagChangeOperation } from './tagChange';

export const { description, execute } = tagChangeOperation('addTags');
