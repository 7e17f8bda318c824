import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ApiError } from '../errors.js';
import { findBank, listBanks } from './catalogue.js';
import { BankSchema, ListBanksQuery } from './schemas.js';

export const bankRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/banks',
    {
      schema: {
        tags: ['Banks'],
        summary: 'List banks',
        querystring: ListBanksQuery,
        response: { 200: Type.Object({ banks: Type.Array(BankSchema), total: Type.Integer() }) },
      },
    },
    async (req) => listBanks(req.query),
  );

  app.get(
    '/banks/:id',
    {
      schema: {
        tags: ['Banks'],
        summary: 'Get one bank',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: BankSchema },
      },
    },
    async (req) => {
      const bank = findBank(req.params.id);
      if (!bank) throw new ApiError('BANK_NOT_FOUND');
      return bank;
    },
  );
};
