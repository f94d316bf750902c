import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AccountController } from './account.controller';
import { AccountTokensStore } from './account-tokens.store';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { LoginService } from './login.service';
import { TwoFactorService } from './two-factor.service';

/** Accounts: signup with e-mail verification, login (password then TOTP), sessions, passwords, TOTP settings. */
@Module({
  imports: [OrganisationsModule],
  controllers: [AuthController, AccountController],
  providers: [
    AccountsService,
    AccountTokensStore,
    LoginService,
    TwoFactorService,
  ],
})
export class AccountsModule {}
